// Drives code-server (VS Code in the browser) through Debian's Chromium with playwright-core, as
// a user would: keyboard, command palette, Problems panel, hovers, quick fixes, completion, the
// report command, live settings, a restart, and the extension's log. run.sh starts code-server
// and passes RUNG_E2E_URL (the workbench with the workspace open), RUNG_E2E_OUT (target/e2e/vscode)
// and RUNG_E2E_PLAYWRIGHT (playwright-core's folder). Each check is a step that passes or fails;
// a failed step takes a screenshot and the run goes on where it can. Closing line:
// `N passed, N failed`.
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require(process.env.RUNG_E2E_PLAYWRIGHT);
const url = process.env.RUNG_E2E_URL;
const out = process.env.RUNG_E2E_OUT;
const shots = join(out, 'screenshots');
const settingsFile = join(out, 'user-data', 'User', 'settings.json');
const started = Date.now();

const results = [];
let page;
let shotIndex = 0;

async function screenshot(name) {
  shotIndex += 1;
  const file = join(shots, `${String(shotIndex).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file }).catch(() => {});
  return file;
}

/** One named check: passes unless `body` throws. */
async function step(name, body) {
  const t0 = Date.now();
  try {
    if (results.length > 1) {
      await reset();
    }
    await body();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
    await screenshot(name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  } catch (error) {
    results.push({ name, ok: false });
    const file = await screenshot(`FAILED-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
    console.log(`FAIL ${name} (${Date.now() - t0} ms): ${String(error?.message ?? error).split('\n')[0]}\n     screenshot: ${file}`);
  }
}

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

/** Poll `probe` until it returns something truthy, or fail with `what`. */
async function until(what, probe, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await probe().catch((error) => {
      last = error;
      return undefined;
    });
    if (last) {
      return last;
    }
    await page.waitForTimeout(150);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Run a command from the command palette by its title. The palette is opened again until it
 * holds the title with the focus: an editor focused late (after a tab click) can take the focus
 * back from a palette just opened, and the title was then typed into the document (a CI run's
 * trace step failed so).
 */
async function command(title) {
  const input = page.locator('.quick-input-widget input');
  const wanted = `>${title}`;
  for (let attempt = 1; ; attempt += 1) {
    await page.keyboard.press('F1');
    const ready = await until('the command palette, focused, with the title', async () => {
      if (!(await input.isVisible())) {
        return undefined;
      }
      if ((await input.inputValue()) !== wanted) {
        await input.fill(wanted);
      }
      const focused = await input.evaluate((el) => el === document.activeElement);
      return focused && (await input.inputValue()) === wanted ? true : undefined;
    }, 4000).catch((error) => {
      if (attempt >= 3) {
        throw error;
      }
      return false;
    });
    if (ready) {
      break;
    }
    await page.keyboard.press('Escape');
  }
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible' });
  await row.click();
}

/** Put the cursor at 1-based `line`:`column` of the active editor. */
async function goTo(line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
}

/** The visible lines of the active editor, top to bottom. */
async function visibleLines() {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
    if (!editor) {
      return [];
    }
    const lines = [...editor.querySelectorAll('.view-line')];
    lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    return lines.map((l) => l.textContent.replace(/\u00a0/g, ' '));
  });
}

/** The rows of the Problems panel, as their text (message, `rung(code)`, place). */
async function problems() {
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
}

async function showProblems() {
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible' });
}

/**
 * Change the user settings as a user does: open settings.json in VS Code, replace its text, save.
 * (VS Code does not notice code-server's settings file changing on disk behind its back.) The
 * settings file turns off auto-closing and suggestions, so typed JSON stays as typed.
 */
async function writeSettings(extra) {
  const base = JSON.parse(readFileSync(settingsFile, 'utf8'));
  for (const key of Object.keys(base)) {
    if (key.startsWith('rung.')) {
      delete base[key];
    }
  }
  const text = JSON.stringify({ ...base, ...extra });
  await command('Preferences: Open User Settings (JSON)');
  // VS Code 1.139 opens it in a modal editor, not a tab.
  const line = page.locator('.monaco-editor .view-line', { hasText: '"workbench.startupEditor"' }).first();
  await line.waitFor({ state: 'visible' });
  await line.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Control+S');
  await until('settings.json saved', async () => readFileSync(settingsFile, 'utf8') === text);
  await page.keyboard.press('Control+W');
  // The text on disk is the one typed (checked above); a leftover "save changes?" is declined.
  const dontSave = page.locator('.monaco-dialog-box .monaco-button', { hasText: "Don't Save" });
  await dontSave.waitFor({ state: 'visible', timeout: 1500 }).then(() => dontSave.click(), () => {});
  await page.locator('.monaco-editor .view-line', { hasText: '"workbench.startupEditor"' }).first().waitFor({ state: 'hidden' });
  await page.locator('.tab', { hasText: 'promo.md' }).first().click();
  // The editor takes the focus a moment after the click: wait for it, so that nothing typed
  // next (a command's title) lands in the document.
  await until('the promo doc focused', async () =>
    page.evaluate(() => document.activeElement?.closest('.editor-group-container.active .monaco-editor') != null));
}

/** Close widgets left open by a step that failed, and focus the promo doc. */
async function reset() {
  for (let i = 0; i < 3; i += 1) {
    await page.keyboard.press('Escape');
  }
  const tab = page.locator('.tab', { hasText: 'promo.md' }).first();
  if ((await tab.count()) > 0) {
    await tab.click();
  }
}

/** Where the keyboard is: the focused element's tag and classes, for a failure's message. */
async function focusedElement() {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}` : 'nothing';
  });
}

/** Whether the keyboard is in the active editor's text. */
async function editorHasFocus() {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor');
    return Boolean(editor && document.activeElement && editor.contains(document.activeElement));
  });
}

/** Close the suggest widget if it is open, and wait until it is gone. */
async function closeSuggest() {
  const widget = page.locator('.suggest-widget').filter({ visible: true });
  for (let i = 0; i < 5 && (await widget.count()) > 0; i += 1) {
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
  }
  check((await widget.count()) === 0, 'the suggest widget stays open');
}

/**
 * Type `text` as a new line at the end of the promo doc, as a user would, and wait until the
 * editor shows it. On a slow machine a late suggest widget or a click that has not yet moved the
 * focus can swallow keys; both are ruled out first, and a line that does not land fails here with
 * what the editor shows rather than in a later check that cannot say why.
 */
async function typeLineAtEnd(text) {
  await closeSuggest();
  await page.locator('.tab', { hasText: 'promo.md' }).first().click();
  await until('the keyboard in the promo doc', editorHasFocus, 10000).catch(async () => {
    throw new Error(`the promo doc does not take the keyboard (focus: ${await focusedElement()})`);
  });
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
  await until(`the typed line \`${text}\``, async () => (await visibleLines()).includes(text), 10000).catch(async () => {
    const lines = await visibleLines();
    throw new Error(`the typed line did not land (focus: ${await focusedElement()}; last lines: ${JSON.stringify(lines.slice(-3))})`);
  });
}

/** Every file under `dir` whose name matches `pattern`. */
function filesUnder(dir, pattern) {
  if (!existsSync(dir)) {
    return [];
  }
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      found.push(...filesUnder(path, pattern));
    } else if (pattern.test(name)) {
      found.push(path);
    }
  }
  return found;
}

/** The text of the extension's output channel `name` (`rung` or `rung trace`), from VS Code's log files. */
function channelText(name) {
  const pattern = name === 'rung' ? /^(\d+-)?rung\.log$/ : /^(\d+-)?rung trace\.log$/;
  return filesUnder(join(out, 'user-data', 'logs'), pattern)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

/** The frame of the report webview that holds the page the extension rendered. */
async function reportFrame() {
  for (const frame of page.frames()) {
    const found = await frame.locator('pre.rung-report, body.rung-report, [data-rung-report]').count().catch(() => 0);
    if (found > 0) {
      return frame;
    }
  }
  return undefined;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  // As root in a container: no sandbox. The rest keep Chromium off the closed network.
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(20000);

  await step('the workbench loads with the workspace', async () => {
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60000 });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ state: 'visible', timeout: 30000 });
  });

  await step('open the promo doc', async () => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('promo.md');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'promo.md' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'promo.md' }).waitFor();
    await until('the editor to show the doc', async () => (await visibleLines()).some((l) => l.includes('kind: promo')));
  });

  await step("rung's diagnostics in the Problems panel", async () => {
    await showProblems();
    const rows = await until('rung rows in the Problems panel', async () => {
      const labels = await problems();
      return labels.some((l) => /vague-win/.test(l)) && labels.some((l) => /unknown-trait/.test(l)) ? labels : undefined;
    }, 30000);
    check(rows.some((l) => /rung/.test(l)), `no row names rung as its source: ${rows.slice(0, 3)}`);
    check(rows.some((l) => /missing-expected-trait/.test(l)), 'no missing-expected-trait row');
  });

  await step('hover a level shows it from the ladder', async () => {
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
    await goTo(5, 10); // `target: E6`
    await command('Show or Focus Hover');
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    await hover.waitFor({ state: 'visible' });
    // The ladder's own words for the level, under the diagnostic that sits on it.
    await until('the hover to describe E6 from the ladder', async () => /E6 — .*\(bigtech ladder\)[\s\S]*Expects/.test((await hover.textContent()) ?? ''));
    // What the user sees is the open hover: the step's own screenshot comes after Escape.
    await screenshot('hover-open');
    await page.keyboard.press('Escape');
  });

  await step('apply a quick fix: a result line under a vague win', async () => {
    await goTo(21, 5); // `- Helped improve the reliability of our systems.`
    const before = await visibleLines();
    const at = before.indexOf('- Helped improve the reliability of our systems.');
    check(at >= 0, 'the vague win is not on screen');
    const next = before[at + 1];
    await command('Quick Fix...');
    const action = page.locator('.action-widget .monaco-list-row', { hasText: 'result line' }).first();
    await action.waitFor({ state: 'visible' });
    await action.click();
    await until('a line added under the vague win', async () => {
      const lines = await visibleLines();
      const i = lines.indexOf('- Helped improve the reliability of our systems.');
      return i >= 0 && lines[i + 1] !== next;
    });
  });

  await step('the outline names rung\'s symbols `rung`', async () => {
    // Markdown's own outline and rung's are both shown, each under its provider's label; rung's
    // bears its short label, not the extension's display name.
    const header = page.locator('.pane-header', { hasText: 'Outline' }).first();
    if ((await header.getAttribute('aria-expanded')) !== 'true') {
      await header.click();
    }
    const groups = await until('the outline\'s provider groups', async () => {
      const rows = await page.locator('.outline-pane .monaco-list-row').allTextContents();
      return rows.some((t) => t.trim() === 'rung') ? rows : undefined;
    });
    check(!groups.some((t) => /growth docs against/.test(t)), `the extension's display name shows: ${groups.join(' | ')}`);
  });

  await step('complete a heading at `## ` offers the missing trait', async () => {
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('## Sco');
    await command('Trigger Suggest');
    const item = page.locator('.suggest-widget .monaco-list-row', { hasText: 'Scope' }).first();
    await item.waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await until('the completed heading', async () => (await visibleLines()).some((l) => /^## Scope\b/.test(l)));
    await closeSuggest();
  });

  await step('the report command shows the unsaved buffer', async () => {
    await typeLineAtEnd('- Led the API redesign across 5 teams and 40 services.');
    check(await page.locator('.tab.active.dirty').count() > 0, 'the doc should be unsaved');
    await command('rung: Show the readiness report');
    const frame = await until('the report webview', reportFrame, 20000);
    const text = await frame.locator('[data-rung-report], pre.rung-report').first().textContent();
    check(/readiness for E6/.test(text), `not a readiness report: ${text.slice(0, 200)}`);
    check(text.includes('Led the API redesign'), 'the report does not hold the unsaved entry');
  });

  await step('the report command on an untitled buffer', async () => {
    await command('File: New Untitled Text File');
    await page.locator('.tab.active', { hasText: 'Untitled-1' }).waitFor();
    await command('Change Language Mode');
    const markdown = page.locator('.quick-input-list .monaco-list-row', { hasText: /^Markdown/ }).first();
    await page.locator('.quick-input-widget input').fill('Markdown');
    await markdown.waitFor({ state: 'visible' });
    await markdown.click();
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
    await page.keyboard.insertText('---\nkind: promo\nladder: bigtech\nlevel: E5\ntarget: E6\n---\n# Case\n\n## Wins\n- Cut p99 from 800 ms to 120 ms for 3 teams. #ownership\n');
    await command('rung: Show the readiness report');
    await until('the report of Untitled-1', async () => {
      const frame = await reportFrame();
      const text = frame ? await frame.locator('[data-rung-report], pre.rung-report').first().textContent() : '';
      return /Untitled-1 — readiness for E6/.test(text ?? '') && /Untitled-1:10/.test(text ?? '');
    }, 20000);
  });

  await step('a setting changed live: rung.rules turns vague-win off', async () => {
    await writeSettings({ 'rung.rules': { 'vague-win': 'off' } });
    await showProblems();
    await until('the vague-win rows to go', async () => {
      const labels = await problems();
      return labels.length > 0 && !labels.some((l) => /vague-win/.test(l)) && labels.some((l) => /unknown-trait/.test(l));
    }, 20000);
    await writeSettings({});
    await until('the vague-win rows to come back', async () => (await problems()).some((l) => /vague-win/.test(l)), 20000);
  });

  await step('rung.trace.server traces the messages in `rung trace`', async () => {
    await writeSettings({ 'rung.trace.server': 'messages' });
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
    await goTo(5, 10);
    await command('Show or Focus Hover');
    await page.locator('.monaco-hover:not(.hidden)').first().waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await until('a traced request in the rung trace channel', async () => /Sending request 'textDocument\/hover/.test(channelText('rung trace')), 15000);
    await writeSettings({});
  });

  await step('restart the server: it starts again and diagnoses', async () => {
    await showProblems();
    const vague = async () => (await problems()).filter((l) => /vague-win/.test(l)).length;
    const rowsBefore = await vague();
    check(rowsBefore > 0, 'no vague-win rows before the restart');
    const before = (channelText('rung').match(/starting .* lsp/g) ?? []).length;
    await command('rung: Restart the language server');
    await until('a second start in the log', async () => (channelText('rung').match(/starting .* lsp/g) ?? []).length > before, 20000);
    await typeLineAtEnd('- Improved things.');
    await showProblems();
    // The old server's rows go with it; the new one's hold the old doc's and the typed line's.
    await until(`diagnostics from the new server (${rowsBefore} vague-win rows before it, one more after the typed line)`, async () => (await vague()) > rowsBefore, 20000);
  });

  await step("the extension's log has no errors", async () => {
    const log = channelText('rung');
    check(log.length > 0, 'no rung log file under user-data/logs');
    writeFileSync(join(out, 'rung-output-channel.log'), log);
    const bad = log.split('\n').filter((l) => /\[error\]|rung settings:|panicked|internal error/i.test(l));
    check(bad.length === 0, `errors in the log: ${bad.slice(0, 3).join(' | ')}`);
  });
} finally {
  await browser.close();
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s in the browser; screenshots in ${shots})`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
