// The readiness report's webview page: HTML as the server rendered it, any other format escaped
// inside <pre>, and never a script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { reportPage, isReportAnswer, reportCommand } = require('../out/report.js');

test('text is escaped inside <pre>', () => {
  const page = reportPage('rung report: promo.md', { format: 'text', content: 'E6 <script>alert(1)</script> & "more"\n  ✗ Mentorship  no evidence' });
  assert.match(page, /<pre class="rung-report" data-format="text">E6 &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;more&quot;\n  ✗ Mentorship  no evidence<\/pre>/);
  assert.doesNotMatch(page, /<script>/);
  assert.match(page, /Content-Security-Policy" content="default-src 'none'/);
});

test('HTML is shown as it is, with the content security policy in its head', () => {
  const whole = reportPage('t', { format: 'html', content: '<!DOCTYPE html><html><head><title>x</title></head><body><h1>E6</h1></body></html>' });
  assert.match(whole, /<head><meta http-equiv="Content-Security-Policy"[^>]*><title>x<\/title>/);
  assert.match(whole, /<body data-rung-report="html"><h1>E6<\/h1>/);
  const fragment = reportPage('t', { format: 'html', content: '<table><tr><td>E6</td></tr></table>' });
  assert.match(fragment, /<body data-rung-report="html"><table><tr><td>E6<\/td><\/tr><\/table><\/body>/);
});

test('only {format, content} strings are report answers', () => {
  assert.ok(isReportAnswer({ format: 'text', content: '' }));
  assert.ok(!isReportAnswer(null));
  assert.ok(!isReportAnswer({ format: 'text' }));
  assert.ok(!isReportAnswer('E6'));
});

test('the report command is the name this server advertises', () => {
  assert.equal(reportCommand(['rung.report/4242-0a1b2c3d']), 'rung.report/4242-0a1b2c3d');
  assert.equal(reportCommand(['rung.test.panic/1', 'rung.report/1']), 'rung.report/1');
  assert.equal(reportCommand(['rung.report']), 'rung.report');
  assert.equal(reportCommand(undefined), 'rung.report');
  assert.equal(reportCommand(['rung.reports']), 'rung.report');
});
