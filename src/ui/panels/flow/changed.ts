/**
 * What a node changed in a record: the key, the whole value, or (for objects on both sides) which
 * top-level fields are new or different. The preview marks them on the output row. Pure.
 */
export interface Changes {
  key: boolean;
  /** 'all': the value as a whole differs; a set: these fields of an object differ; null: unchanged. */
  value: 'all' | Set<string> | null;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function changesBetween(before: { key: unknown; value: unknown }, after: { key: unknown; value: unknown }): Changes {
  return { key: !same(before.key, after.key), value: valueChanges(before.value, after.value) };
}

function valueChanges(before: unknown, after: unknown): Changes['value'] {
  if (same(before, after)) return null;
  if (!isObject(before) || !isObject(after)) return 'all';
  const fields = new Set<string>();
  for (const k of Object.keys(after)) if (!Object.hasOwn(before, k) || !same(before[k], after[k])) fields.add(k);
  return fields.size ? fields : 'all';
}
