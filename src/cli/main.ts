/**
 * The `streamwright` command. Every user mistake (unknown command, unreadable file, invalid JSON,
 * schema errors) becomes one clear line and a non-zero exit, never a stack trace.
 */
import { CliError } from './cli-error';
import type { CliCommand, CliIo } from './io';

const USAGE = `usage: streamwright <command> [options]

commands:
  validate <design.json>                               check a design, print diagnostics
  simulate <design.json> [--samples <file>]... [--out <dir>] [--json | --text] [--skip-bad-lines]
                                                       run the design over its samples or files of any size
  simulate <design.json> --partitions <N> [--json]     run its samples on N partitions (one task each), compared with 1
  generate <design.json> -o <dir>                      write the runnable TypeScript project
  conformance <cases.json>... [--json]                 run Kafka conformance cases
  test <design.json> [--json]                          run the design's test cases (exit 1: one failed, 2: none)
  diff <old.json> <new.json> [--samples <file>]... [--json]
                                                       canvas, upgrade-safety and behaviour diff (exit 1: changed)
  fmt <design.json>... [--check]                       write designs in the saved form (--check: exit 1 if not)
  import-describe <describe.txt> [-o <design.json>] [--name <app>]
                                                       a design from the text of Kafka's Topology#describe()
  check-order <design.json> [--orders K] [--seed S] [--json]
                                                       replay the samples in K valid arrival orders (exit 1: a result depends on order)
`;

const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  validate: async () => (await import('./validate')).runValidate,
  simulate: async () => (await import('./commands/simulate')).run,
  generate: async () => (await import('./commands/generate')).run,
  conformance: async () => (await import('./commands/conformance')).run,
  test: async () => (await import('./commands/test')).run,
  diff: async () => (await import('./commands/diff')).run,
  fmt: async () => (await import('./commands/fmt')).run,
  'import-describe': async () => (await import('./commands/import-describe')).run,
  'check-order': async () => (await import('./commands/check-order')).run,
};

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  stdoutStream: process.stdout,
};

/** `streamwright simulate … | head`: the reader closing the pipe ends the command quietly, not with a stack trace. */
function quietOnClosedPipe(): void {
  for (const s of [process.stdout, process.stderr])
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(0);
    });
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  if (io === processIo) quietOnClosedPipe();
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
