/** Config objects of the DSL, with Kafka Streams' names and factory methods. */
import type { Serde } from '../serdes';

export class Named {
  private constructor(readonly name: string) {}
  static as(name: string): Named {
    return new Named(name);
  }
}

export class Grouped {
  private constructor(
    readonly name: string | null,
    readonly keySerde?: Serde,
    readonly valueSerde?: Serde,
  ) {}
  static as(name: string): Grouped {
    return new Grouped(name);
  }
  static with(keySerde?: Serde, valueSerde?: Serde): Grouped {
    return new Grouped(null, keySerde, valueSerde);
  }
}

export class Consumed {
  private constructor(
    readonly keySerde?: Serde,
    readonly valueSerde?: Serde,
    readonly name?: string,
  ) {}
  static with(keySerde?: Serde, valueSerde?: Serde): Consumed {
    return new Consumed(keySerde, valueSerde);
  }
  static as(name: string): Consumed {
    return new Consumed(undefined, undefined, name);
  }
  withName(name: string): Consumed {
    return new Consumed(this.keySerde, this.valueSerde, name);
  }
}

export class Produced {
  private constructor(
    readonly keySerde?: Serde,
    readonly valueSerde?: Serde,
    readonly name?: string,
  ) {}
  static with(keySerde?: Serde, valueSerde?: Serde): Produced {
    return new Produced(keySerde, valueSerde);
  }
  static as(name: string): Produced {
    return new Produced(undefined, undefined, name);
  }
  withName(name: string): Produced {
    return new Produced(this.keySerde, this.valueSerde, name);
  }
}

export class Branched {
  private constructor(readonly name: string | null) {}
  static as(name: string): Branched {
    return new Branched(name);
  }
}

export class Repartitioned {
  private constructor(
    readonly name: string | null,
    readonly partitions: number | null,
  ) {}
  static as(name: string): Repartitioned {
    return new Repartitioned(name, null);
  }
  static numberOfPartitions(n: number): Repartitioned {
    return new Repartitioned(null, n);
  }
  withNumberOfPartitions(n: number): Repartitioned {
    return new Repartitioned(this.name, n);
  }
}

/**
 * Names a stream-table join's processor; `withGracePeriod` buffers the stream side so late table
 * updates are still seen (Kafka's Joined.withGracePeriod, KIP-923: the table must be versioned).
 */
export class Joined {
  private constructor(
    readonly name: string | null,
    readonly gracePeriodMs: number | null = null,
  ) {}
  static as(name: string): Joined {
    return new Joined(name);
  }
  static withGracePeriod(ms: number): Joined {
    return new Joined(null, ms);
  }
  withGracePeriod(ms: number): Joined {
    return new Joined(this.name, ms);
  }
}

/** A versioned store's supplier (Kafka's VersionedBytesStoreSupplier): its name and history retention. */
export class VersionedStoreSupplier {
  constructor(
    readonly name: string,
    readonly historyRetentionMs: number,
  ) {}
}

export class StreamJoined {
  private constructor(
    readonly name: string | null,
    readonly storeName: string | null,
  ) {}
  static as(storeName: string): StreamJoined {
    return new StreamJoined(null, storeName);
  }
  withName(name: string): StreamJoined {
    return new StreamJoined(name, this.storeName);
  }
}

export class Materialized {
  private constructor(
    readonly storeName: string | null,
    readonly caching: boolean,
    readonly logging: boolean,
    readonly retentionMs: number | null,
    readonly keySerde?: Serde,
    readonly valueSerde?: Serde,
    /** Set when materialized in a versioned store (Stores.persistentVersionedKeyValueStore): no caching then. */
    readonly historyRetentionMs: number | null = null,
  ) {}
  static as(store: string | VersionedStoreSupplier): Materialized {
    if (store instanceof VersionedStoreSupplier) return new Materialized(store.name, false, true, null, undefined, undefined, store.historyRetentionMs);
    return new Materialized(store, true, true, null);
  }
  static with(keySerde?: Serde, valueSerde?: Serde): Materialized {
    return new Materialized(null, true, true, null, keySerde, valueSerde);
  }
  withCachingDisabled(): Materialized {
    return new Materialized(this.storeName, false, this.logging, this.retentionMs, this.keySerde, this.valueSerde, this.historyRetentionMs);
  }
  withCachingEnabled(): Materialized {
    return new Materialized(this.storeName, this.historyRetentionMs === null, this.logging, this.retentionMs, this.keySerde, this.valueSerde, this.historyRetentionMs);
  }
  withLoggingDisabled(): Materialized {
    return new Materialized(this.storeName, this.caching, false, this.retentionMs, this.keySerde, this.valueSerde, this.historyRetentionMs);
  }
  withRetention(ms: number): Materialized {
    return new Materialized(this.storeName, this.caching, this.logging, ms, this.keySerde, this.valueSerde, this.historyRetentionMs);
  }
  withKeySerde(s: Serde): Materialized {
    return new Materialized(this.storeName, this.caching, this.logging, this.retentionMs, s, this.valueSerde, this.historyRetentionMs);
  }
  withValueSerde(s: Serde): Materialized {
    return new Materialized(this.storeName, this.caching, this.logging, this.retentionMs, this.keySerde, s, this.historyRetentionMs);
  }
}

export type EmitMode = 'onWindowUpdate' | 'onWindowClose';
export class EmitStrategy {
  private constructor(readonly mode: EmitMode) {}
  static onWindowUpdate(): EmitStrategy {
    return new EmitStrategy('onWindowUpdate');
  }
  static onWindowClose(): EmitStrategy {
    return new EmitStrategy('onWindowClose');
  }
}

/** Pick the optional config object of a given class out of trailing DSL arguments. */
export function pick<T>(args: unknown[], cls: { prototype: T }): T | undefined {
  for (const a of args) if (a instanceof (cls as unknown as new () => T)) return a as T;
  return undefined;
}
