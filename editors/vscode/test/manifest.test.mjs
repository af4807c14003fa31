// The extension manifest: activation, settings, commands and the grammar it contributes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url)));

test('activates on Markdown and points at the bundled entry', () => {
  assert.deepEqual(manifest.activationEvents, ['onLanguage:markdown']);
  assert.equal(manifest.main, './out/extension.js');
});

test('exposes the server path, ladder, rule severities and trace settings', () => {
  const properties = manifest.contributes.configuration.properties;
  for (const key of ['rung.server.path', 'rung.ladder', 'rung.rules', 'rung.debounceMs', 'rung.trace.server']) {
    assert.ok(properties[key], `missing setting ${key}`);
  }
  assert.deepEqual(properties['rung.rules'].additionalProperties.enum, ['off', 'hint', 'info', 'warning', 'error']);
});

test('offers restart and report commands', () => {
  const commands = manifest.contributes.commands.map((c) => c.command);
  assert.deepEqual(commands, ['rung.restartServer', 'rung.showReport']);
});

test('the extension grammar is the one in grammars/', () => {
  const grammar = manifest.contributes.grammars[0];
  assert.deepEqual(grammar.injectTo, ['text.html.markdown']);
  const copy = readFileSync(new URL('../syntaxes/rung.injection.tmLanguage.json', import.meta.url), 'utf8');
  const source = readFileSync(new URL('../../../grammars/rung.injection.tmLanguage.json', import.meta.url), 'utf8');
  assert.equal(copy, source, 'run `npm run sync-grammar`');
});
