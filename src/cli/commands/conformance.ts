import type { CliCommand } from '../io';

/** `streamwright conformance`: placeholder until its owner implements it. */
export const run: CliCommand = async (_args, io) => {
  io.stderr('streamwright conformance: not available yet in this build\n');
  return 2;
};
