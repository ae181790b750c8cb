import type { CliCommand } from '../io';

/** `streamwright generate`: placeholder until its owner implements it. */
export const run: CliCommand = async (_args, io) => {
  io.stderr('streamwright generate: not available yet in this build\n');
  return 2;
};
