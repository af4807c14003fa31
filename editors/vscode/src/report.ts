// The readiness report in a webview: the page around what the server's `rung.report` command
// answers. HTML is shown as it is; any other format (the human text, JSON) inside <pre>, escaped,
// unwrapped so that the text report's columns stay columns.
// No VS Code API here, so node:test can test it directly.

/** What `workspace/executeCommand` `rung.report` answers. */
export interface ReportAnswer {
  format: string;
  content: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The name this client's server advertises its report command under: `rung.report/<instance>`,
 * unique to each server so that two clients in one window can both register it with VS Code.
 * A server that advertises the plain name (or none) is asked by it.
 */
export function reportCommand(advertised: readonly string[] | undefined): string {
  return advertised?.find((name) => name === 'rung.report' || name.startsWith('rung.report/')) ?? 'rung.report';
}

/** Whether `value` is a report answer. */
export function isReportAnswer(value: unknown): value is ReportAnswer {
  const answer = value as ReportAnswer | null;
  return typeof answer === 'object' && answer !== null && typeof answer.format === 'string' && typeof answer.content === 'string';
}

/**
 * The webview's page for `answer`. Scripts stay off (the webview is created without them) and the
 * content security policy allows only inline styles, so a report shows and never runs anything.
 */
export function reportPage(title: string, answer: ReportAnswer): string {
  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;">`;
  if (answer.format === 'html') {
    // A whole page gets the policy in its head; a fragment gets a page around it.
    if (/<head[^>]*>/i.test(answer.content)) {
      // The body is marked as the report's, as the <pre> of the other formats is.
      return answer.content
        .replace(/<head[^>]*>/i, (head) => head + csp)
        .replace(/<body([^>]*)>/i, (_body, attributes: string) => `<body${attributes} data-rung-report="html">`);
    }
    return `<!DOCTYPE html><html><head>${csp}<title>${escapeHtml(title)}</title></head><body data-rung-report="html">${answer.content}</body></html>`;
  }
  const style =
    'body { font-family: var(--vscode-editor-font-family, monospace); color: var(--vscode-foreground); } pre { white-space: pre; overflow-x: auto; font-size: var(--vscode-editor-font-size, 13px); }';
  return `<!DOCTYPE html><html><head>${csp}<style>${style}</style><title>${escapeHtml(title)}</title></head><body><pre class="rung-report" data-format="${escapeHtml(answer.format)}">${escapeHtml(answer.content)}</pre></body></html>`;
}
