// The real rung binary driven through vscode-languageserver-protocol's node connection, the
// stack the extension's language client uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

const here = dirname(fileURLToPath(import.meta.url));
const rung = process.env.RUNG ?? join(here, '..', '..', '..', 'target', 'debug', 'rung');

test('open, diagnostics, completion, hover and shutdown over the extension stack', async () => {
  const child = spawn(rung, ['lsp'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  const uri = 'file:///tmp/rung-vscode/promo.md';
  const diagnostics = new Promise((resolve) => {
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
      if (params.uri === uri && params.diagnostics.length > 0) resolve(params.diagnostics);
    });
  });
  connection.onRequest('workspace/configuration', () => [null]);
  connection.onRequest('client/registerCapability', () => null);
  const init = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { general: { positionEncodings: ['utf-16'] }, textDocument: { completion: { completionItem: { snippetSupport: true } } } },
    initializationOptions: { debounceMs: 0 },
  });
  assert.equal(init.serverInfo.name, 'rung');
  assert.equal(init.capabilities.positionEncoding, 'utf-16');
  await connection.sendNotification('initialized', {});
  const text = '---\nkind: promo\nlevel: E5\ntarget: E6\n---\n## Wins\n- Improved the build queue.\n## \n';
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const published = await diagnostics;
  const vague = published.find((d) => d.code === 'vague-win');
  assert.deepEqual(vague.range, { start: { line: 6, character: 2 }, end: { line: 6, character: 27 } });
  assert.equal(vague.source, 'rung');
  const completion = await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 3 } });
  assert.ok(completion.some((item) => item.label === 'Accountability'));
  const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 9 } });
  assert.match(hover.contents.value, /Staff Engineer/);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  const code = await new Promise((resolve) => child.on('exit', resolve));
  assert.equal(code, 0);
  connection.dispose();
});
