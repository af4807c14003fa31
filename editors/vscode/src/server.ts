// Finding the rung binary: the `rung.server.path` setting, then a binary bundled in the
// extension (`server/rung`), then `rung` on PATH. Each candidate must answer `--version`.
// No VS Code API here, so node:test can test it directly.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Source = 'setting rung.server.path' | 'bundled with the extension' | 'rung on PATH';

export interface Candidate {
  source: Source;
  path: string;
}

export type Resolved = { ok: true; path: string; version: string; source: Source } | { ok: false; message: string };

/** The places to look, in order. */
export function candidates(settingPath: string, extensionDir: string, platform: string, pathEnv: string): Candidate[] {
  const exe = platform === 'win32' ? 'rung.exe' : 'rung';
  const found: Candidate[] = [];
  if (settingPath.trim() !== '') {
    found.push({ source: 'setting rung.server.path', path: settingPath.trim() });
  }
  found.push({ source: 'bundled with the extension', path: path.join(extensionDir, 'server', exe) });
  const separator = platform === 'win32' ? ';' : ':';
  for (const dir of pathEnv.split(separator)) {
    if (dir !== '') {
      found.push({ source: 'rung on PATH', path: path.join(dir, exe) });
    }
  }
  return found;
}

/** `rung --version` of a binary, or why it could not be run. */
export function version(binary: string, timeoutMs = 5000): Promise<{ version?: string; error?: string }> {
  return new Promise((resolve) => {
    if (!fs.existsSync(binary)) {
      resolve({ error: 'not found' });
      return;
    }
    execFile(binary, ['--version'], { timeout: timeoutMs }, (error, stdout) => {
      const text = String(stdout).trim();
      if (error) {
        resolve({ error: error.message.split('\n')[0] });
      } else if (!text.startsWith('rung ')) {
        resolve({ error: `answered \`${text.slice(0, 60)}\` to --version, not rung` });
      } else {
        resolve({ version: text.slice('rung '.length) });
      }
    });
  });
}

/** The first candidate that answers `--version` as rung; otherwise a message saying what was tried. */
export async function resolveServer(found: Candidate[], check = version): Promise<Resolved> {
  const tried: string[] = [];
  // A PATH search reports one line, not one per folder.
  let pathTried = false;
  for (const candidate of found) {
    const result = await check(candidate.path);
    if (result.version !== undefined) {
      return { ok: true, path: candidate.path, version: result.version, source: candidate.source };
    }
    if (candidate.source === 'rung on PATH') {
      pathTried = true;
    } else {
      tried.push(`${candidate.source} (${candidate.path}): ${result.error}`);
    }
  }
  if (pathTried) {
    tried.push('rung on PATH: not found');
  }
  return {
    ok: false,
    message: `rung: could not start the language server. Tried ${tried.join('; ')}. Install rung (cargo install --path . in its repository) or set rung.server.path.`,
  };
}
