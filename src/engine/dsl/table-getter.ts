/**
 * Reading a KTable's current value for a key (Kafka's KTableValueGetter): joins and suppress need
 * it. Each KTable offers a supplier; a processor creates the getter in init() from its context.
 */
import type { ProcessorContext } from '../core/context';
import type { ValueAndTimestamp } from '../core/record';

/** `asOf`: read a versioned table as of that time (getters over unversioned tables ignore it). */
export type ValueGetter = (key: unknown, asOf?: number) => ValueAndTimestamp | null;

export interface ValueGetterSupplier {
  /** Stores the getter reads; a processor using it must be connected to them. */
  storeNames: string[];
  create(ctx: ProcessorContext): ValueGetter;
}
