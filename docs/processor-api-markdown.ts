// The Processor API section of docs/operators.md (process / processValues), appended by operators-markdown.ts.
export const PROCESSOR_API_MARKDOWN = `## The Processor API inside the DSL: process and processValues

\`process\` and \`processValues\` run a processor object you write (Kafka's \`KStream#process(ProcessorSupplier,
Named, String... stateStoreNames)\` and \`processValues(FixedKeyProcessorSupplier, ...)\`). The param is ONE
expression that evaluates to the object; it is evaluated once per task (one in the preview, one per
partition on Kafka), so its fields are that task's own state:

\`\`\`ts
({
  total: 0,
  init(ctx) {
    this.ctx = ctx;
    this.counts = ctx.getStateStore('counts');
    ctx.schedule(60_000, 'STREAM_TIME', (ts) => {
      for (const { key, value } of this.counts.all()) ctx.forward({ key, value, timestamp: ts });
    });
  },
  process(record) {
    const n = (this.counts.get(record.key) ?? 0) + 1;
    this.counts.put(record.key, n);
    this.ctx.forward({ ...record, value: n });
  },
  close() {},
})
\`\`\`

- \`process(record)\` gets \`{ key, value, timestamp }\` (a copy) once per input record; it may forward 0..n
  records. \`processValues\`: every forwarded record keeps the input record's key, whatever it says.
- \`ctx.forward({ key, value, timestamp? })\`: delivered to every downstream node before it returns; the
  timestamp defaults to the input record's (inside a punctuator: the punctuation time).
- \`ctx.getStateStore(name)\`: a store declared on the node (the inspector's **Stores**). Key-value:
  \`get\` (null when absent), \`put\` (null deletes), \`putIfAbsent\` (returns the previous value), \`delete\`
  (returns the old value), \`all()\` and \`range(from, to)\` in ascending key order (numbers numerically,
  strings by code unit), \`approximateNumEntries()\`. Window stores (retention, window size):
  \`put(key, value, windowStartMs)\`, \`fetch(key, windowStartMs)\`, \`fetchRange(key, fromMs, toMs)\`. Session
  stores (retention): \`put({ key, start, end }, value)\`, \`remove(session)\`, \`findSessions(key,
  earliestSessionEnd, latestSessionStart)\`. Stores are in memory with no cache and, on Kafka,
  changelogged (\`<app>-<store>-changelog\`) and restored after a restart unless you untick it.
  A store ticked **shared** on several processor nodes (declared alike on each) is one store that
  all of them read and write, as Kafka's \`builder.addStateStore\` plus \`process(..., "name")\` on each:
  Kafka then runs those processors in one sub-topology, so their input topics must be co-partitioned.
- \`ctx.schedule(intervalMs, 'STREAM_TIME' | 'WALL_CLOCK_TIME', callback)\` returns \`{ cancel() }\`.
  STREAM_TIME: task stream time is the largest timestamp the task has processed; the first punctuation
  is due at 0 (the first record punctuates); after each record, if stream time reached the due time,
  the callback runs ONCE with the stream time, and the next due time is the next multiple of the
  interval after it (missed intervals are skipped). It runs after the record's own results and before
  record caches flush. WALL_CLOCK_TIME: first due at the clock when scheduled + interval, same rule,
  on the wall clock: in the preview a mock clock that starts at 0 and moves only with the preview's
  **Wall clock** control (after the samples); on Kafka the real clock (checked every 100 ms).
- \`ctx.recordMetadata()\`: \`{ topic, partition, offset }\` of the record being processed (null inside a
  punctuator); \`ctx.currentStreamTimeMs()\`, \`ctx.currentSystemTimeMs()\`.

The editor types the object (\`UserProcessor<K, V, ...>\`, with K and V inferred from the samples), so
ctx and the stores complete. The checker reports a processor that is not an object
(\`E_PROCESSOR_NOT_OBJECT\`), has no \`process\` method (\`E_PROCESSOR_NO_PROCESS\`), asks for a store the
node does not declare (\`E_PROCESSOR_STORE_UNDECLARED\`) or schedules an unknown punctuation type
(\`E_PROCESSOR_PUNCTUATION\`). The preview shows the node's stores and every punctuation that ran: when
(stream time after which input, or the wall clock), which callback, what it forwarded.

The exported project prints it as Kafka users write it:

\`\`\`ts
builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counts")));
const counter = orders.process(() => ({ ... }), Named.as("counter"), "counts");
\`\`\`
`;
