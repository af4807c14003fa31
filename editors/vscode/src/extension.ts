// The VS Code side of rung: finds the binary, starts `rung lsp` for Markdown, passes the
// `rung.*` settings, and offers commands to restart the server and show a readiness report.
import * as vscode from 'vscode';
import { execFile } from 'node:child_process';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { candidates, resolveServer } from './server';

let client: LanguageClient | undefined;
let serverPath: string | undefined;

function settings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('rung');
  const out: Record<string, unknown> = { rules: config.get('rules', {}), debounceMs: config.get('debounceMs', 50) };
  const ladder = config.get<string>('ladder', '');
  if (ladder !== '') {
    out.ladder = ladder;
  }
  return out;
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const setting = vscode.workspace.getConfiguration('rung').get<string>('server.path', '');
  const resolved = await resolveServer(candidates(setting, context.extensionPath, process.platform, process.env.PATH ?? ''));
  if (!resolved.ok) {
    void vscode.window.showErrorMessage(resolved.message);
    return;
  }
  serverPath = resolved.path;
  const serverOptions: ServerOptions = { command: resolved.path, args: ['lsp'], transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'markdown' }],
    initializationOptions: settings(),
    synchronize: { configurationSection: 'rung', fileEvents: vscode.workspace.createFileSystemWatcher('**/*.toml') },
  };
  client = new LanguageClient('rung', 'rung', serverOptions, clientOptions);
  await client.start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('rung report');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('rung.restartServer', async () => {
      if (client) {
        await client.stop();
        client = undefined;
      }
      await start(context);
    }),
    vscode.commands.registerCommand('rung.showReport', () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !serverPath) {
        void vscode.window.showWarningMessage('rung: open a promo doc first');
        return;
      }
      execFile(serverPath, ['report', editor.document.uri.fsPath], (_error, stdout, stderr) => {
        output.clear();
        output.append(String(stdout) + String(stderr));
        output.show(true);
      });
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
  }
}
