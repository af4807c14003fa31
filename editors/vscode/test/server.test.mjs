// Finding the rung binary: the order of candidates, and what the user is told when none works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { candidates, resolveServer, version } = require('../out/server.js');

test('the setting first, then the bundled binary, then PATH', () => {
  const found = candidates('/opt/rung', '/ext', 'linux', '/usr/bin:/bin');
  assert.deepEqual(found.map((c) => c.path), ['/opt/rung', '/ext/server/rung', '/usr/bin/rung', '/bin/rung']);
  assert.deepEqual(candidates('', '/ext', 'win32', 'C:\\bin').map((c) => c.path.replace(/\\/g, '/')), ['/ext/server/rung.exe', 'C:\\bin/rung.exe'.replace(/\\/g, '/')]);
});

test('the first candidate that answers --version as rung wins', async () => {
  const found = candidates('/bad', '/ext', 'linux', '/good');
  const answers = { '/bad': { error: 'not found' }, '/ext/server/rung': { error: 'not found' }, '/good/rung': { version: '0.1.0' } };
  const resolved = await resolveServer(found, async (path) => answers[path]);
  assert.deepEqual(resolved, { ok: true, path: '/good/rung', version: '0.1.0', source: 'rung on PATH' });
});

test('when nothing works, the message says what was tried', async () => {
  const resolved = await resolveServer(candidates('/nope/rung', '/ext', 'linux', '/a:/b'), async () => ({ error: 'not found' }));
  assert.equal(resolved.ok, false);
  assert.match(resolved.message, /setting rung.server.path \(\/nope\/rung\): not found/);
  assert.match(resolved.message, /bundled with the extension \(\/ext\/server\/rung\): not found/);
  assert.match(resolved.message, /rung on PATH: not found/);
});

test('a binary that is not rung is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rung-ext-'));
  const fake = join(dir, 'rung');
  writeFileSync(fake, '#!/bin/sh\necho "something else 1.0"\n');
  chmodSync(fake, 0o755);
  const result = await version(fake);
  assert.match(result.error, /not rung/);
});

test('the real binary answers --version', { skip: !process.env.RUNG && 'set RUNG to the rung binary' }, async () => {
  const result = await version(process.env.RUNG);
  assert.match(result.version, /^\d+\.\d+\.\d+/);
});
