/** Tiny flag parser: --name value / --name=value / --flag; 'list' flags may repeat; unknown flags are errors. */
import { CliError } from './cli-error';

export function parseFlags(args: string[], spec: Record<string, 'string' | 'boolean' | 'list'>) {
  const positional: string[] = [];
  const flags: Record<string, string | boolean | string[]> = Object.create(null);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-')) {
      positional.push(a);
      continue;
    }
    const [rawName, inline] = a.replace(/^--?/, '').split('=', 2);
    const name = rawName === 'o' ? 'out' : rawName;
    const kind = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!kind) throw new CliError(`unknown option ${a}`);
    if (kind === 'boolean') flags[name] = true;
    else {
      const v = inline ?? args[++i];
      if (v === undefined) throw new CliError(`option ${a} needs a value`);
      if (kind === 'list') flags[name] = [...((flags[name] as string[] | undefined) ?? []), v];
      else flags[name] = v;
    }
  }
  return { positional, flags };
}
