/**
 * Runs a design's samples under faults with the exported app's commit and restore model
 * (docs/kafka-runtime.md, docs/faults.md): the input as the faults deliver it, repartition topics as
 * real logs the downstream tasks read at their own position, commits every N records or T ms of
 * stream time (input offsets, repartition positions and store state together), and a crash that
 * restores every store to the last commit and reads again from the committed offsets.
 * At-least-once: what was written since the commit stays in the sinks and repartition topics (the
 * downstream tasks read those repartition records again, then the new copies). Exactly-once: it was
 * in an aborted transaction, so it is gone. Same compiler and engine as the preview. Pure.
 */
import { compileDesign, type CompiledDesign } from '../../compiler/compile';
import { mergeByTimestamp, Serdes, TopologyTestDriver, type OrderedInput, type StreamRecord } from '../../engine';
import { hasErrors } from '../../model/check';
import type { SampleRecord, TopologyDocument } from '../../model/types';
import { applyInputFaults, type FaultInput } from './input-faults';
import type { Fault, FaultReport, FaultSettings, SinkRecord } from './types';

/** A design compiled once and its merged input, for many runs under different faults. */
export interface PreparedRun {
  doc: TopologyDocument;
  compiled: CompiledDesign;
  merged: OrderedInput[];
}

export interface FaultRun {
  ok: boolean;
  error?: string;
  sinks: Record<string, SinkRecord[]>;
  restarts: FaultReport['restarts'];
}

export function prepareRun(doc: TopologyDocument, samples: Record<string, SampleRecord[]> = doc.samples): PreparedRun | { error: string } {
  const compiled = compileDesign(doc);
  if (hasErrors(compiled.diagnostics)) return { error: 'the design has errors (see the Preview tab)' };
  return { doc, compiled, merged: mergeByTimestamp(samples, compiled.sourceTopics) };
}

export function runWithFaults(prepared: PreparedRun, faults: readonly Fault[], settings: FaultSettings): FaultRun {
  const sinks: Record<string, SinkRecord[]> = Object.create(null);
  const restarts: FaultRun['restarts'] = [];
  try {
    const input = applyInputFaults(prepared.merged, faults);
    new Runner(prepared, input, settings, sinks, restarts).run(new Set(faults.filter((f) => f.kind === 'crash').map((f) => f.at)));
    return { ok: true, sinks, restarts };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e), sinks, restarts };
  }
}

type Routed = { topic: string; record: StreamRecord };
/** What the live driver did since it started: replayed up to a commit, it rebuilds the committed state. */
type Action = { input: FaultInput } | { routed: Routed };

interface Commit {
  /** The next input position to read. */
  pos: number;
  /** The next repartition record the downstream tasks read, and the repartition log's length. */
  readPos: number;
  logLength: number;
  actions: number;
  sinkLengths: Map<string, number>;
  streamTime: number;
}

class Runner {
  private driver!: TopologyTestDriver;
  private actions: Action[] = [];
  /** Everything written to repartition topics, in order (one partition, as the preview). */
  private readonly log: Routed[] = [];
  private readPos = 0;
  private replaying = false;
  private committed: Commit = { pos: 0, readPos: 0, logLength: 0, actions: 0, sinkLengths: new Map(), streamTime: -Infinity };
  private sinceCommit = 0;
  private streamTime = -Infinity;

  constructor(
    private readonly prepared: PreparedRun,
    private readonly input: FaultInput[],
    private readonly settings: FaultSettings,
    private readonly sinks: Record<string, SinkRecord[]>,
    private readonly restarts: FaultRun['restarts'],
  ) {}

  run(crashes: Set<string>): void {
    this.driver = this.newDriver();
    let pos = 0;
    while (pos < this.input.length) {
      const x = this.input[pos++];
      this.process(x);
      // A crash happens once: after the first time its record is processed, before the next commit.
      if (!x.copy && crashes.delete(x.id)) {
        this.restarts.push({ at: x.id, from: this.input[this.committed.pos]?.id ?? null, replayed: pos - this.committed.pos });
        pos = this.restart();
        continue;
      }
      if (this.commitDue()) this.commit(pos);
    }
  }

  private process(x: FaultInput): void {
    this.actions.push({ input: x });
    const r = x.record;
    this.streamTime = Math.max(this.streamTime, Number(r.timestamp));
    this.driver.pipe(x.topic, r.key, r.value, r.timestamp, r.headers);
    this.readRepartition();
    this.sinceCommit++;
  }

  /** The downstream tasks read the repartition log up to its end (records they write there are read in the same pass). */
  private readRepartition(): void {
    while (this.readPos < this.log.length) {
      const routed = this.log[this.readPos++];
      this.actions.push({ routed });
      this.driver.pipeInternal(routed.topic, routed.record);
    }
  }

  private commitDue(): boolean {
    const { every, unit } = this.settings.commit;
    if (unit === 'records') return this.sinceCommit >= Math.max(1, every);
    if (this.committed.streamTime === -Infinity) this.committed.streamTime = this.streamTime;
    return this.streamTime - this.committed.streamTime >= every;
  }

  private commit(pos: number): void {
    const sinkLengths = new Map(Object.entries(this.sinks).map(([t, recs]) => [t, recs.length]));
    this.committed = { pos, readPos: this.readPos, logLength: this.log.length, actions: this.actions.length, sinkLengths, streamTime: this.streamTime };
    this.sinceCommit = 0;
  }

  /** Stores back to the last commit (a new driver replays what led there), offsets back to it; returns the input position to read next. */
  private restart(): number {
    const c = this.committed;
    if (this.settings.guarantee === 'exactly-once') {
      // The open transaction aborts: its sink and repartition records are never read.
      this.log.length = c.logLength;
      for (const [topic, recs] of Object.entries(this.sinks)) recs.length = c.sinkLengths.get(topic) ?? 0;
    }
    this.actions.length = c.actions;
    this.driver = this.newDriver();
    this.replaying = true;
    for (const a of this.actions) {
      if ('input' in a) this.driver.pipe(a.input.topic, a.input.record.key, a.input.record.value, a.input.record.timestamp, a.input.record.headers);
      else this.driver.pipeInternal(a.routed.topic, a.routed.record);
    }
    this.replaying = false;
    this.readPos = c.readPos;
    this.streamTime = c.streamTime;
    this.sinceCommit = 0;
    // At-least-once: the repartition records written since the commit are read again first.
    this.readRepartition();
    return c.pos;
  }

  private newDriver(): TopologyTestDriver {
    const { doc, compiled } = this.prepared;
    return new TopologyTestDriver(compiled.topology, {
      defaultKeySerde: Serdes.byName(doc.settings.defaultKeySerde),
      defaultValueSerde: Serdes.byName(doc.settings.defaultValueSerde),
      retainOutputs: false,
      onOutput: (topic, r) => {
        if (!this.replaying) (this.sinks[topic] ??= []).push({ key: r.key, value: r.value, timestamp: r.timestamp });
      },
      routeInternal: (topic, record) => {
        if (!this.replaying) this.log.push({ topic, record });
      },
    });
  }
}
