/** What a CLI command may touch besides the file system: its output streams and working directory. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

/** A CLI subcommand: gets its arguments (after the command name), returns the exit code. Never throws on user mistakes. */
export type CliCommand = (args: string[], io: CliIo) => Promise<number>;
