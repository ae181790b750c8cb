/** Describes records as TypeScript types (the inspector types user functions with them). Pure. */

/** The TypeScript type of a list of values, from the first 50. */
export function typeOf(values: unknown[], depth = 0): string {
  const kinds = new Set<string>();
  const objects: Record<string, unknown>[] = [];
  for (const v of values.slice(0, 50)) {
    if (v === null || v === undefined) kinds.add('null');
    else if (Array.isArray(v)) kinds.add(`${typeOf(v, depth + 1)}[]`);
    else if (typeof v === 'object') objects.push(v as Record<string, unknown>);
    else kinds.add(typeof v);
  }
  if (objects.length) {
    if (depth > 2) kinds.add('object');
    else {
      const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))];
      kinds.add(`{ ${keys.map((k) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${typeOf(objects.map((o) => o[k]), depth + 1)}`).join('; ')} }`);
    }
  }
  return kinds.size ? [...kinds].join(' | ') : 'unknown';
}

/** Key and value types of records (null when there are none). */
export function recordTypes(records: { key: unknown; value: unknown }[]): { key: string; value: string } | null {
  if (!records.length) return null;
  const head = records.slice(0, 50);
  return { key: typeOf(head.map((r) => r.key)), value: typeOf(head.map((r) => r.value)) };
}
