// `rung.trace.server` decides whether the language client traces (vscode-languageclient 11 asks
// its trace channel's log level, which by itself stays at Info: nothing was traced).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { TraceChannel, LOG_LEVEL_OFF, LOG_LEVEL_TRACE } = require('../out/trace.js');

function sink() {
  const lines = [];
  return { lines, name: 'rung trace', append: (v) => lines.push(v), appendLine: (v) => lines.push(v), replace() {}, clear() {}, show() {}, hide() {}, dispose() {} };
}

test('off is log level Off, messages and verbose are Trace', () => {
  assert.equal(new TraceChannel(sink(), 'off').logLevel, LOG_LEVEL_OFF);
  assert.equal(new TraceChannel(sink(), undefined).logLevel, LOG_LEVEL_OFF);
  assert.equal(new TraceChannel(sink(), 'messages').logLevel, LOG_LEVEL_TRACE);
  assert.equal(new TraceChannel(sink(), 'verbose').logLevel, LOG_LEVEL_TRACE);
});

test('a change of the setting is a change of level the client hears, and tracing follows it', () => {
  const out = sink();
  const channel = new TraceChannel(out, 'off');
  const heard = [];
  channel.onDidChangeLogLevel((level) => heard.push(level));
  channel.trace('[Trace] Sending request textDocument/hover');
  assert.deepEqual(out.lines, [], 'off writes nothing');
  channel.settingChanged('messages');
  channel.settingChanged('verbose'); // the same level: the client is not told twice
  channel.trace('[Trace] Sending request textDocument/hover');
  channel.settingChanged('off');
  channel.trace('[Trace] Sending request textDocument/completion');
  assert.deepEqual(heard, [LOG_LEVEL_TRACE, LOG_LEVEL_OFF]);
  assert.equal(out.lines.length, 1);
  assert.match(out.lines[0], /\[trace\] \[Trace\] Sending request textDocument\/hover$/);
});
