import type { CliCommand } from '../io';

/** `streamwright simulate`: placeholder until its owner implements it. */
export const run: CliCommand = async (_args, io) => {
  io.stderr('streamwright simulate: not available yet in this build\n');
  return 2;
};
