/**
 * The four functions of Node's `util` that avsc's type module calls, for the browser bundle only
 * (vite.config.ts aliases `util` here; Node and the CLI use Node's own). avsc builds its messages
 * with util.format ('%s', '%j', '%d') and its classes with util.inherits.
 */
export function format(f: string, ...args: unknown[]): string {
  let i = 0;
  const out = String(f).replace(/%[sdj%]/g, (m) => {
    if (m === '%%') return '%';
    if (i >= args.length) return m;
    const a = args[i++];
    if (m === '%d') return String(Number(a));
    if (m === '%j') {
      try {
        return JSON.stringify(a);
      } catch {
        return '[Circular]';
      }
    }
    return String(a);
  });
  return [out, ...args.slice(i).map(String)].join(' ');
}

export function inherits(ctor: { prototype: object; super_?: unknown }, superCtor: { prototype: object }): void {
  ctor.super_ = superCtor;
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

export function deprecate<T>(fn: T): T {
  return fn;
}

export function debuglog(): (...args: unknown[]) => void {
  return () => {};
}

export default { format, inherits, deprecate, debuglog };
