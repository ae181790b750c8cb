/**
 * An error raised while processing a record: names the processor, the design node that owns it and
 * the record, so the preview and the generated app can say exactly where and on what it failed.
 */
export class ProcessingError extends Error {
  constructor(
    readonly processor: string,
    readonly owner: string,
    readonly record: { key: unknown; value: unknown; timestamp: number },
    override readonly cause: unknown,
    readonly functionName?: string,
  ) {
    const summary = `${owner}${functionName ? ` (${functionName})` : ''}: ${messageOf(cause)}`;
    super(`${summary} — while processing record key=${show(record.key)} value=${show(record.value)} timestamp=${record.timestamp}`);
    this.summary = summary;
    this.name = 'ProcessingError';
  }

  /** The message without the record (where it failed and why), for a place that shows the record beside it. */
  readonly summary: string;
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The value as JSON when JSON can say it; NaN, Infinity, undefined, functions, bigints and symbols as themselves. */
function show(v: unknown): string {
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'function') return 'a function';
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 200 ? s.slice(0, 200) + '…' : s;
  } catch {
    return String(v);
  }
}

/** Thrown by a wrapped user function: carries which function (param name) failed. */
export class UserFunctionError extends Error {
  constructor(
    readonly functionName: string,
    override readonly cause: unknown,
  ) {
    super(messageOf(cause));
    this.name = 'UserFunctionError';
  }
}
