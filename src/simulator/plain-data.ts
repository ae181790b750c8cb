/**
 * Values a user function may return that are not plain data: functions (`word.toUpperCase` without
 * the call), symbols, class instances (their methods do not survive a topic), objects that refer to
 * themselves. The preview worker cannot post some of them to the page at all (DataCloneError), and a
 * topic would not carry any of them. Here they become text the preview shows ("[function
 * toUpperCase]"), and the first one a node emits is reported on that node. Pure.
 */

/** The key under which a value that is not data travels to the page as its text. */
export const SHOWN_AS_TEXT = '$streamwright:shown-as-text';

export type NotDataKind = 'function' | 'symbol' | 'class-instance' | 'cyclic';

/** The first value in a record that is not plain data. */
export interface NotData {
  kind: NotDataKind;
  /** How the preview shows it: `[function toUpperCase]`, `[Point {"x":1}]`, `Symbol(a)`, `[cyclic]`. */
  text: string;
}

/** Below this depth values are posted as they are (the clone copes; the check stays cheap). */
const MAX_DEPTH = 32;

function isPlainPrototype(proto: unknown): boolean {
  return proto === Object.prototype || proto === null || proto === Array.prototype || proto === Date.prototype;
}

/** What `value` is, when it is not data itself (its members are looked at by the callers). */
function classify(value: unknown, ancestors: object[]): NotData | null {
  if (typeof value === 'function') return { kind: 'function', text: `[function ${value.name || 'anonymous'}]` };
  if (typeof value === 'symbol') return { kind: 'symbol', text: value.toString() };
  if (typeof value !== 'object' || value === null) return null;
  if (ancestors.includes(value)) return { kind: 'cyclic', text: '[cyclic]' };
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  if (isPlainPrototype(proto) || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return null;
  const name = proto?.constructor?.name || 'object';
  if (value instanceof Map || value instanceof Set) return { kind: 'class-instance', text: `[${name}(${value.size})]` };
  if (value instanceof Error) return { kind: 'class-instance', text: `[${name}: ${value.message}]` };
  return { kind: 'class-instance', text: `[${name} ${textOf({ ...value })}]` };
}

function textOf(fields: object): string {
  try {
    return JSON.stringify(toCloneable(fields));
  } catch {
    return '{…}';
  }
}

/** Arrays and plain objects: the values whose members are looked at. */
function isContainer(value: unknown, depth: number): value is object {
  return typeof value === 'object' && value !== null && depth <= MAX_DEPTH && !(value instanceof Date) && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer);
}

/** The first value inside `value` that is not plain data, or null. Allocates nothing on plain data. */
export function findNotData(value: unknown, ancestors: object[] = [], depth = 0): NotData | null {
  const found = classify(value, ancestors);
  if (found || !isContainer(value, depth)) return found;
  ancestors.push(value);
  try {
    if (Array.isArray(value)) {
      for (const v of value) {
        const f = findNotData(v, ancestors, depth + 1);
        if (f) return f;
      }
      return null;
    }
    for (const k in value) {
      const f = findNotData((value as Record<string, unknown>)[k], ancestors, depth + 1);
      if (f) return f;
    }
    return null;
  } finally {
    ancestors.pop();
  }
}

/**
 * `value` with everything that is not plain data replaced by `{ [SHOWN_AS_TEXT]: text }`. Plain data
 * comes back as the same object (no copy), so the check costs one walk over what is posted anyway.
 */
export function toCloneable<T>(value: T): T {
  return (findNotData(value) ? replaced(value, [], 0) : value) as T;
}

function replaced(value: unknown, ancestors: object[], depth: number): unknown {
  const found = classify(value, ancestors);
  if (found) return { [SHOWN_AS_TEXT]: found.text };
  if (!isContainer(value, depth)) return value;
  ancestors.push(value);
  try {
    if (Array.isArray(value)) return value.map((v) => replaced(v, ancestors, depth + 1));
    const out: Record<string, unknown> = {};
    for (const k in value) out[k] = replaced((value as Record<string, unknown>)[k], ancestors, depth + 1);
    return out;
  } finally {
    ancestors.pop();
  }
}

/** The text a value that was not data is shown as, or null for data. */
export function shownAsText(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !(SHOWN_AS_TEXT in value)) return null;
  const text = (value as Record<string, unknown>)[SHOWN_AS_TEXT];
  return typeof text === 'string' ? text : null;
}

/** What the designer says on a node whose function returned something that is not data. */
export function notDataMessage(kind: NotDataKind): string {
  switch (kind) {
    case 'function':
      return 'returns a function; did you mean to call it?';
    case 'symbol':
      return 'returns a symbol; records carry plain data (strings, numbers, booleans, objects, arrays)';
    case 'class-instance':
      return 'returns a class instance; its methods are lost when the record is written to a topic: return plain data';
    case 'cyclic':
      return 'returns an object that refers to itself; it cannot be written to a topic';
  }
}
