// The "Versioned tables and grace periods" part of docs/operators.md (appended by operators-markdown.ts).
export const VERSIONED_SECTION = `## Versioned tables and grace periods

A \`table\` (and a table \`filter\`, \`filterNot\` or \`mapValues\`) with a **History retention** is
materialized as a versioned store, as Kafka Streams users write it:

\`\`\`ts
builder.table('prices', Consumed.as('prices'), Materialized.as(Stores.persistentVersionedKeyValueStore('prices-store', 300000)))
\`\`\`

- Every version of a key is kept (values and tombstones), for the history retention behind the
  store's stream time (the largest timestamp it saw). An update older than that is not stored and
  not forwarded.
- An update older than the key's latest version (a tombstone counts as a version) is stored as
  history but is not "latest": table aggregations (\`groupBy\` + \`count\`/\`reduce\`/\`aggregate\`),
  table-table joins and foreign-key joins (either side) ignore it; \`toStream\` still sees it. This
  carries through unmaterialized \`filter\`/\`mapValues\` after the versioned table.
- A table \`filter\` whose input is versioned forwards \`(null, null)\` for rejected records even with
  old values on (for other inputs it skips them).
- Versioned stores never cache.
- A stream-table \`join\`/\`leftJoin\` reads a versioned table **as of the stream record's timestamp**
  (the latest version at or before it; a tombstone version means no match).
- **Grace period** (\`gracePeriodMs\` on a stream-table join, \`Joined.as(name).withGracePeriod(ms)\`): the
  stream side waits in a buffer (store \`<join>-Buffer\`) so late table updates are still seen. The
  buffer's time is the largest timestamp buffered; a record older than that minus the grace joins at
  once; otherwise it is buffered, and every buffered record at or before buffer time minus grace is
  joined, in (timestamp, key, arrival) order. Records with a null key or value are dropped before the
  buffer and do not move its time. Records still buffered when the input ends are not emitted.
- Kafka Streams refuses, and so does the checker: a grace period on a table that is not versioned
  (\`E_GRACE_NOT_VERSIONED\`), a grace period longer than the history retention
  (\`E_GRACE_EXCEEDS_RETENTION\`), a versioned \`globalTable\` (\`E_VERSIONED_GLOBAL_TABLE\`), \`suppress\`
  after a versioned table (\`E_SUPPRESS_VERSIONED\`).
- On Kafka the versioned store's changelog carries every version of a key, so a restarted task gets
  the history back; the grace buffer is changelogged too.

Table-table and foreign-key join results materialized under a store name go through the record cache
unless **Caching** is off: a tombstone for a key the result store does not hold is then dropped.
`;
