/**
 * Kafka tests never skip silently: with CI=true a missing broker fails them (startBroker throws the
 * reason); elsewhere they skip and the reason is printed once.
 */
import { describe } from 'vitest';
import { brokerAvailable, brokerMissingReason } from './broker';

const inCi = process.env.CI === 'true';
let warned = false;

/** describe() for tests that need the broker: skipped with the reason printed, except in CI, where they run and fail. */
export function describeKafka(name: string, body: () => void): void {
  const skip = !brokerAvailable && !inCi;
  if (skip && !warned) {
    warned = true;
    console.warn(`Kafka tests skipped: ${brokerMissingReason()}`);
  }
  describe.skipIf(skip)(name, body);
}
