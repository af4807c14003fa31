// The VS Code side of rung: finds the binary, starts `rung lsp` for Markdown, passes the
// `rung.*` settings, and offers commands to restart the server and show a readiness report.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { isReportAnswer, reportCommand, reportPage } from './report';
import { candidates, resolveServer } from './server';
import { TraceChannel } from './trace';

let client: LanguageClient | undefined;

function settings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('rung');
  const out: Record<string, unknown> = { rules: config.get('rules', {}), debounceMs: config.get('debounceMs', 50) };
  const ladder = config.get<string>('ladder', '');
  if (ladder !== '') {
    out.ladder = ladder;
  }
  return out;
}

function traceSetting(): string | undefined {
  return vscode.workspace.getConfiguration('rung').get<string>('trace.server');
}

async function start(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, trace: TraceChannel): Promise<void> {
  const setting = vscode.workspace.getConfiguration('rung').get<string>('server.path', '');
  const resolved = await resolveServer(candidates(setting, context.extensionPath, process.platform, process.env.PATH ?? ''));
  if (!resolved.ok) {
    log.error(resolved.message);
    void vscode.window.showErrorMessage(resolved.message);
    return;
  }
  log.info(`starting ${resolved.path} lsp (rung ${resolved.version}, ${resolved.source})`);
  const serverOptions: ServerOptions = { command: resolved.path, args: ['lsp'], transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'markdown' }],
    initializationOptions: settings(),
    synchronize: { configurationSection: 'rung', fileEvents: vscode.workspace.createFileSystemWatcher('**/*.toml') },
    outputChannel: log,
    // The client writes its message trace here; the channel's level is `rung.trace.server`.
    traceOutputChannel: trace as unknown as vscode.LogOutputChannel,
  };
  // A short name: VS Code shows it wherever the client speaks (its log, its errors).
  client = new LanguageClient('rung', 'rung', serverOptions, clientOptions);
  await client.start();
}

/** The readiness report of `document` as it is now (saved or not), from the server. */
async function showReport(document: vscode.TextDocument, log: vscode.LogOutputChannel): Promise<void> {
  if (!client) {
    void vscode.window.showWarningMessage('rung: the language server is not running (rung: Restart the language server)');
    return;
  }
  const uri = client.code2ProtocolConverter.asUri(document.uri);
  let answer: unknown;
  try {
    const command = reportCommand(client.initializeResult?.capabilities.executeCommandProvider?.commands);
    answer = await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [{ uri, format: 'html' }] });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.warn(`rung.report for ${uri}: ${message}`);
    void vscode.window.showWarningMessage(`rung: no readiness report: ${message}`);
    return;
  }
  if (!isReportAnswer(answer)) {
    log.error(`rung.report for ${uri} answered ${JSON.stringify(answer)}`);
    return;
  }
  const name = document.uri.path.split('/').pop() || document.uri.toString();
  const title = `rung report: ${name}`;
  if (!reportPanel) {
    reportPanel = vscode.window.createWebviewPanel('rung.report', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false });
    reportPanel.onDidDispose(() => (reportPanel = undefined));
  }
  reportPanel.title = title;
  reportPanel.webview.html = reportPage(title, answer);
  reportPanel.reveal(undefined, true);
}

let reportPanel: vscode.WebviewPanel | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('rung', { log: true });
  const trace = new TraceChannel(vscode.window.createOutputChannel('rung trace'), traceSetting());
  context.subscriptions.push(
    log,
    trace,
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('rung.trace.server')) {
        trace.settingChanged(traceSetting());
      }
    }),
    vscode.commands.registerCommand('rung.restartServer', async () => {
      if (client) {
        await client.stop();
        client = undefined;
      }
      await start(context, log, trace);
    }),
    vscode.commands.registerCommand('rung.showReport', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'markdown') {
        void vscode.window.showWarningMessage('rung: open a promo doc first');
        return;
      }
      await showReport(editor.document, log);
    }),
  );
  await start(context, log, trace);
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
  }
}
