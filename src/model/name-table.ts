/**
 * Tables keyed by names users choose (topics, node ids, drafts by topic), for the model and the
 * page. A plain `{}` takes "__proto__" as its prototype and answers "constructor" with
 * Object.prototype's; these tables have no prototype and reads take only own entries. The engine
 * keeps the same two helpers (src/engine/name-table.ts) because it must stand alone in generated
 * projects, and the model may import nothing (docs/architecture-layers.md).
 */

/** An empty (or filled) table with no prototype: every name is a key like any other. */
export function nameTable<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const table = Object.create(null) as Record<string, T>;
  for (const [name, value] of entries) table[name] = value;
  return table;
}

/** table[name] when the table itself holds it; undefined for names it lacks, even "constructor". */
export function ownEntry<T>(table: Record<string, T>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}
