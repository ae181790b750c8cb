/** A processor that works on one state store, named when the topology is built and looked up at init. */
import type { ProcessorContext } from './context';
import type { StreamRecord } from './record';
import type { Processor } from './topology-spec';
import type { StateStore } from '../stores/state-store';

export abstract class StoreProcessor<S extends StateStore> implements Processor {
  protected ctx!: ProcessorContext;
  protected store!: S;

  constructor(private readonly storeName: string) {}

  init(ctx: ProcessorContext): void {
    this.ctx = ctx;
    this.store = ctx.getStateStore<S>(this.storeName);
  }

  abstract process(record: StreamRecord): void;
}
