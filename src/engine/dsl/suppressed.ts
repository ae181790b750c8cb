/** Suppressed and BufferConfig, as in Kafka Streams. */
export class BufferConfig {
  private constructor(
    readonly maxRecords: number | null,
    readonly maxBytes: number | null,
    readonly whenFull: 'emitEarlyWhenFull' | 'shutDownWhenFull',
  ) {}
  static unbounded(): BufferConfig {
    return new BufferConfig(null, null, 'shutDownWhenFull');
  }
  static maxRecords(n: number): BufferConfig {
    return new BufferConfig(n, null, 'shutDownWhenFull');
  }
  static maxBytes(n: number): BufferConfig {
    return new BufferConfig(null, n, 'shutDownWhenFull');
  }
  withMaxRecords(n: number): BufferConfig {
    return new BufferConfig(n, this.maxBytes, this.whenFull);
  }
  withMaxBytes(n: number): BufferConfig {
    return new BufferConfig(this.maxRecords, n, this.whenFull);
  }
  emitEarlyWhenFull(): BufferConfig {
    return new BufferConfig(this.maxRecords, this.maxBytes, 'emitEarlyWhenFull');
  }
  shutDownWhenFull(): BufferConfig {
    return new BufferConfig(this.maxRecords, this.maxBytes, 'shutDownWhenFull');
  }
}

export class Suppressed {
  private constructor(
    readonly mode: 'untilWindowCloses' | 'untilTimeLimit',
    readonly timeLimitMs: number,
    readonly buffer: BufferConfig,
    readonly name: string | null,
  ) {}
  static untilWindowCloses(buffer: BufferConfig = BufferConfig.unbounded()): Suppressed {
    return new Suppressed('untilWindowCloses', 0, buffer, null);
  }
  static untilTimeLimit(timeLimitMs: number, buffer: BufferConfig = BufferConfig.unbounded()): Suppressed {
    if (!Number.isFinite(timeLimitMs) || timeLimitMs < 0) throw new Error(`suppress time limit must be zero or positive milliseconds, got ${timeLimitMs}`);
    return new Suppressed('untilTimeLimit', timeLimitMs, buffer, null);
  }
  withName(name: string): Suppressed {
    return new Suppressed(this.mode, this.timeLimitMs, this.buffer, name);
  }
}
