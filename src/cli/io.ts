/** What a CLI command may touch besides the file system: its output streams and working directory. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** Standard output as a stream, for output of any size (large writes, back-pressure); else stdout() is used. */
  stdoutStream?: { write(chunk: string): boolean; once(event: 'drain' | 'error' | 'finish', cb: (e?: unknown) => void): unknown };
}

/** A CLI subcommand: gets its arguments (after the command name), returns the exit code. Never throws on user mistakes. */
export type CliCommand = (args: string[], io: CliIo) => Promise<number>;
