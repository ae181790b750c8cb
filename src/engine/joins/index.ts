/**
 * Join entry points. KStream/KTable join, leftJoin and outerJoin delegate here with the raw DSL
 * arguments; the argument types pick the variant: KStream + JoinWindows (stream-stream), KTable
 * (stream-table), GlobalKTable + keySelector, KTable x KTable (primary or foreign key).
 */
import { Joined, Materialized, Named, StreamJoined, pick } from '../dsl/config';
import { GlobalKTableImpl } from '../dsl/builder';
import { KStreamImpl } from '../dsl/kstream';
import { KTableImpl } from '../dsl/ktable';
import { JoinedTableNode } from '../dsl/table-nodes';
import { nameFrom } from '../dsl/names';
import { StepProcessor } from '../core/step';
import { PASS } from '../processors/steps';
import { KeyValueStore } from '../stores/kv-store';
import { JoinWindows } from '../windows';
import { joinForeignKey } from './foreign-key-graph';
import { JoinSideStore, JoinWindowProcessor, OuterJoinStore, StreamJoinSideProcessor } from './stream-stream';
import { StreamTableJoinProcessor } from './stream-table';
import { StreamJoinBuffer } from './stream-table-buffer';
import { joinResultGetter, TableTableJoinProcessor } from './table-table';

export type JoinType = 'inner' | 'left' | 'outer';
type Fn = (...a: unknown[]) => unknown;

function joinName(self: KStreamImpl | KTableImpl, args: unknown[]): string {
  const joined = pick(args, Joined) ?? null;
  const sj = pick(args, StreamJoined) ?? null;
  const name = joined?.name ?? sj?.name ?? pick(args, Named)?.name ?? null;
  return name ? self.spec.uniqueName(name) : nameFrom(self.spec, args, 'KSTREAM-JOIN');
}

export function joinStream(self: unknown, type: JoinType, args: unknown[]): unknown {
  const left = self as KStreamImpl;
  const [other] = args;
  const name = joinName(left, args);
  if (other instanceof KStreamImpl) {
    const joiner = args[1] as Fn;
    const windows = pick(args, JoinWindows);
    if (!windows) throw new Error(`stream-stream ${type} join "${name}" needs JoinWindows`);
    const sj = pick(args, StreamJoined);
    const storeBase = sj?.storeName ?? name;
    const l = left.repartitionedIfRequired(`${name}-left`, name);
    const r = other.repartitionedIfRequired(`${name}-right`, name);
    const spec = left.spec;
    const retention = windows.beforeMs + windows.afterMs + windows.graceMs;
    const thisStore = `${storeBase}-this-join-store`;
    const otherStore = `${storeBase}-other-join-store`;
    const shared = `${storeBase}-outer-shared-join-store`;
    spec.addStore({ name: thisStore, kind: 'window', factory: () => new JoinSideStore(thisStore, retention), logging: true });
    spec.addStore({ name: otherStore, kind: 'window', factory: () => new JoinSideStore(otherStore, retention), logging: true });
    const anyOuter = type !== 'inner';
    if (anyOuter) spec.addStore({ name: shared, kind: 'keyValue', factory: () => new OuterJoinStore(shared), logging: true });
    const base = { beforeMs: windows.beforeMs, afterMs: windows.afterMs, graceMs: windows.graceMs, sharedStore: anyOuter ? shared : null, anyOuter, joiner: joiner as never };
    const sharedStores = anyOuter ? [shared] : [];
    // Kafka's StreamStreamJoinNode: each side's windowed processor keeps its records in its store;
    // the join processors read the other side's store (and share the outer-join store).
    const lw = l.addProcessor(spec.uniqueName(`${name}-this-windowed`), name, () => new JoinWindowProcessor(thisStore), [thisStore]);
    const rw = r.addProcessor(spec.uniqueName(`${name}-other-windowed`), name, () => new JoinWindowProcessor(otherStore), [otherStore]);
    const lp = l.addProcessor(spec.uniqueName(`${name}-this-join`), name, () => new StreamJoinSideProcessor({ ...base, isLeft: true, otherStore, outer: anyOuter }), [otherStore, ...sharedStores], [lw]);
    const rp = r.addProcessor(spec.uniqueName(`${name}-other-join`), name, () => new StreamJoinSideProcessor({ ...base, isLeft: false, otherStore: thisStore, outer: type === 'outer' }), [thisStore, ...sharedStores], [rw]);
    // Left/outer joins take null-key records (both sides: Kafka labels the whole join node), so the
    // repartitions in front of them keep such records.
    if (anyOuter) for (const p of [lp, rp]) spec.nodes.get(p)!.relaxedNullKeyJoin = true;
    const merge = l.addProcessor(spec.uniqueName(`${name}-merge`), name, () => new StepProcessor(PASS, null), [], [lp, rp]);
    return new KStreamImpl(left.builder, merge, false, left.keySerde);
  }
  if (other instanceof KTableImpl) {
    if (type === 'outer') throw new Error('stream-table outer joins do not exist in Kafka Streams');
    const supplier = other.valueGetterSupplier();
    const l = left.repartitionedIfRequired(`${name}-left`, name);
    const buffer = graceBuffer(other, name, pick(args, Joined)?.gracePeriodMs ?? null);
    const stores = buffer ? [...supplier.storeNames, buffer] : supplier.storeNames;
    const node = l.addProcessor(name, name, () => new StreamTableJoinProcessor(supplier, type === 'left', args[1] as never, null, buffer), stores);
    if (type === 'left') left.spec.nodes.get(node)!.relaxedNullKeyJoin = true;
    return new KStreamImpl(left.builder, node, false, left.keySerde);
  }
  if (other instanceof GlobalKTableImpl) {
    if (type === 'outer') throw new Error('stream-globalTable outer joins do not exist in Kafka Streams');
    const supplier = other.valueGetterSupplier();
    const node = left.addProcessor(name, name, () => new StreamTableJoinProcessor(supplier, type === 'left', args[2] as never, args[1] as never), supplier.storeNames);
    if (type === 'left') left.spec.nodes.get(node)!.relaxedNullKeyJoin = true;
    return new KStreamImpl(left.builder, node, left.repartitionRequired, left.keySerde);
  }
  throw new Error(`KStream ${type} join: the other side must be a KStream, KTable or GlobalKTable`);
}

/**
 * The buffer store of a stream-table join with a grace period, named as Kafka's (<join>-Buffer).
 * Kafka refuses a grace period on a table that is not versioned, or longer than its history retention.
 */
function graceBuffer(table: KTableImpl, name: string, graceMs: number | null): string | null {
  if (graceMs === null) return null;
  const retention = table.versionedRetention();
  if (retention === null) throw new Error(`KTable must be versioned to use a grace period in a stream table join ("${table.owner}" is not)`);
  if (graceMs > retention) throw new Error(`History retention must be at least grace period (grace ${graceMs} ms, history retention of "${table.owner}" ${retention} ms)`);
  const store = `${name}-Buffer`;
  table.spec.addStore({ name: store, kind: 'buffer', factory: () => new StreamJoinBuffer(store, graceMs), logging: true });
  return store;
}

export function joinTable(self: unknown, type: JoinType, args: unknown[]): unknown {
  const left = self as KTableImpl;
  const [other] = args;
  if (!(other instanceof KTableImpl)) throw new Error(`KTable ${type} join: the other side must be a KTable`);
  const name = joinName(left, args);
  const spec = left.spec;
  const mat = pick(args, Materialized);
  if (typeof args[1] === 'function' && typeof args[2] === 'function') {
    if (type === 'outer') throw new Error('foreign-key outer joins do not exist in Kafka Streams');
    return joinForeignKey(left, other, type, name, args[1] as Fn, args[2] as Fn, mat);
  }
  const joiner = args[1] as Fn;
  const storeName = mat?.storeName ?? null;
  if (storeName) spec.addStore({ name: storeName, kind: 'keyValue', factory: () => new KeyValueStore(storeName), logging: mat!.logging });
  // Kafka's KTableImpl.doJoin: the left parent of left/outer joins and the right parent of outer
  // joins send old values, so the join can tell a delete of a present key from a no-op.
  if (type !== 'inner') left.enableSendingOldValues();
  if (type === 'outer') other.enableSendingOldValues();
  const leftGetter = left.valueGetterSupplier();
  const rightGetter = other.valueGetterSupplier();
  const node = new JoinedTableNode([left, other], storeName, joinResultGetter(type, leftGetter, rightGetter, joiner as never));
  const result = new KTableImpl(left.builder, name, name, storeName, node, left.keySerde);
  const stores = storeName ? [storeName] : [];
  // Versioned inputs are asked when the processors start, after the whole topology is built.
  const side = (t: KTableImpl) => () => ({ storeName, caching: mat?.caching ?? true, versionedInput: t.versionedRetention() !== null });
  const [leftSide, rightSide] = [side(left), side(other)];
  const lp = left.addProcessor(spec.uniqueName(`${name}-left`), name, () => new TableTableJoinProcessor(true, type, rightGetter, joiner as never, result.oldValues, leftSide()), [...stores, ...rightGetter.storeNames]);
  const rp = other.addProcessor(spec.uniqueName(`${name}-right`), name, () => new TableTableJoinProcessor(false, type, leftGetter, joiner as never, result.oldValues, rightSide()), [...stores, ...leftGetter.storeNames]);
  spec.addNode({ name, owner: name, type: 'processor', parents: [lp, rp], factory: () => new StepProcessor(PASS, null), stores: [], topics: [] });
  return result;
}
