// The channel that `rung.trace.server` writes the message trace to.
//
// vscode-languageclient 11 traces only while its trace channel's log level is Trace (the Output
// panel's "Set Log Level…"); `rung.trace.server` then only chooses how much, and its "off" reads
// as "messages". So the setting alone turned nothing on. This channel answers the client with the
// level the setting asks for: "off" is Off, "messages" and "verbose" are Trace, and a change of the
// setting is a change of level, so tracing starts and stops live. No VS Code API is imported here
// (node:test loads this file); the log levels are VS Code's `LogLevel` numbers.

/** `vscode.LogLevel.Off`. */
export const LOG_LEVEL_OFF = 0;
/** `vscode.LogLevel.Trace`. */
export const LOG_LEVEL_TRACE = 1;

/** Where the lines go: a plain VS Code output channel. */
export interface Sink {
  readonly name: string;
  append(value: string): void;
  appendLine(value: string): void;
  replace(value: string): void;
  clear(): void;
  show(preserveFocus?: boolean): void;
  hide(): void;
  dispose(): void;
}

type Listener = (level: number) => void;

/** The log level `rung.trace.server` asks for. */
export function levelOf(setting: string | undefined): number {
  return setting === 'messages' || setting === 'verbose' ? LOG_LEVEL_TRACE : LOG_LEVEL_OFF;
}

/** A `LogOutputChannel` for the language client whose level is the `rung.trace.server` setting. */
export class TraceChannel {
  private listeners: Listener[] = [];
  private level: number;

  constructor(
    private readonly sink: Sink,
    setting: string | undefined,
  ) {
    this.level = levelOf(setting);
  }

  get name(): string {
    return this.sink.name;
  }

  get logLevel(): number {
    return this.level;
  }

  /** The setting changed: tell the client, which turns tracing on or off at the server too. */
  settingChanged(setting: string | undefined): void {
    const level = levelOf(setting);
    if (level !== this.level) {
      this.level = level;
      for (const listener of [...this.listeners]) {
        listener(level);
      }
    }
  }

  onDidChangeLogLevel(listener: Listener): { dispose(): void } {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  }

  private write(kind: string, message: string | Error, args: unknown[]): void {
    if (this.level === LOG_LEVEL_OFF) {
      return;
    }
    const text = message instanceof Error ? (message.stack ?? message.message) : message;
    const rest = args.length > 0 ? ' ' + args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') : '';
    this.sink.appendLine(`[${new Date().toISOString()}] [${kind}] ${text}${rest}`);
  }

  trace(message: string, ...args: unknown[]): void {
    this.write('trace', message, args);
  }
  debug(message: string, ...args: unknown[]): void {
    this.write('debug', message, args);
  }
  info(message: string, ...args: unknown[]): void {
    this.write('info', message, args);
  }
  warn(message: string, ...args: unknown[]): void {
    this.write('warning', message, args);
  }
  error(error: string | Error, ...args: unknown[]): void {
    this.write('error', error, args);
  }
  append(value: string): void {
    this.sink.append(value);
  }
  appendLine(value: string): void {
    this.sink.appendLine(value);
  }
  replace(value: string): void {
    this.sink.replace(value);
  }
  clear(): void {
    this.sink.clear();
  }
  show(preserveFocus?: boolean): void {
    this.sink.show(preserveFocus);
  }
  hide(): void {
    this.sink.hide();
  }
  dispose(): void {
    this.listeners = [];
    this.sink.dispose();
  }
}
