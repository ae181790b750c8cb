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

/** Names a join's processors (stream-table: Joined; stream-stream: StreamJoined). */
export class Joined {
  private constructor(readonly name: string) {}
  static as(name: string): Joined {
    return new Joined(name);
  }
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
  ) {}
  static as(storeName: string): Materialized {
    return new Materialized(storeName, true, true, null);
  }
  static with(keySerde?: Serde, valueSerde?: Serde): Materialized {
    return new Materialized(null, true, true, null, keySerde, valueSerde);
  }
  withCachingDisabled(): Materialized {
    return new Materialized(this.storeName, false, this.logging, this.retentionMs, this.keySerde, this.valueSerde);
  }
  withCachingEnabled(): Materialized {
    return new Materialized(this.storeName, true, this.logging, this.retentionMs, this.keySerde, this.valueSerde);
  }
  withLoggingDisabled(): Materialized {
    return new Materialized(this.storeName, this.caching, false, this.retentionMs, this.keySerde, this.valueSerde);
  }
  withRetention(ms: number): Materialized {
    return new Materialized(this.storeName, this.caching, this.logging, ms, this.keySerde, this.valueSerde);
  }
  withKeySerde(s: Serde): Materialized {
    return new Materialized(this.storeName, this.caching, this.logging, this.retentionMs, s, this.valueSerde);
  }
  withValueSerde(s: Serde): Materialized {
    return new Materialized(this.storeName, this.caching, this.logging, this.retentionMs, this.keySerde, s);
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
