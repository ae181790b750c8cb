/** A user mistake the CLI reports as one line (never a stack trace). Its own module: `--help` loads nothing else. */
export class CliError extends Error {}
