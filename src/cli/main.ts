/**
 * The `streamwright` command. Every user mistake (unknown command, unreadable file, invalid JSON,
 * schema errors) becomes one clear line and a non-zero exit, never a stack trace.
 */
import { CliError } from './files';
import type { CliCommand, CliIo } from './io';
import { runValidate } from './validate';

const USAGE = `usage: streamwright <command> [options]

commands:
  validate <design.json>                               check a design, print diagnostics
  simulate <design.json> [--samples <file>] [--json]   run the design over its samples
  generate <design.json> -o <dir>                      write the runnable TypeScript project
  conformance <cases.json>... [--json]                 run Kafka conformance cases
`;

const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  validate: async () => runValidate,
  simulate: async () => (await import('./commands/simulate')).run,
  generate: async () => (await import('./commands/generate')).run,
  conformance: async () => (await import('./commands/conformance')).run,
};

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
};

/**
 * `streamwright simulate … | head`: when the reader closes the pipe, writing fails with EPIPE. Like
 * any Unix tool, stop quietly then (exit 0) instead of printing the unhandled error's stack trace.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? io.stdout : io.stderr)(USAGE);
    return command ? 0 : 2;
  }
  const load = COMMANDS[command];
  if (!load) {
    io.stderr(`streamwright: unknown command "${command}" (try: ${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`streamwright ${command}: ${e.message}\n`);
      return 1;
    }
    io.stderr(`streamwright ${command}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
