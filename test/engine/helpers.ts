import { TopologyTestDriver } from '../../src/engine';
import type { StreamsBuilder } from '../../src/engine';

/** Build with the given function, pipe [topic, key, value, ts] tuples, return the driver. */
export function drive(build: (b: StreamsBuilder) => void, builderCtor: new () => StreamsBuilder, inputs: [string, unknown, unknown, number][]) {
  const b = new builderCtor();
  build(b);
  const driver = new TopologyTestDriver(b.build());
  for (const [t, k, v, ts] of inputs) driver.pipe(t, k, v, ts);
  return driver;
}

export const kv = (key: unknown, value: unknown, timestamp?: number) => (timestamp === undefined ? { key, value } : { key, value, timestamp });
