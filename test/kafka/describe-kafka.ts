/**
 * Kafka tests never skip silently: with CI=true a missing broker fails them (startBroker throws the
 * reason); elsewhere they skip and the reason is printed once.
 */
import { describe } from 'vitest';
import { brokerAvailable, brokerMissingReason } from './broker';

/** Whether the Kafka tests skip, and the line that says why (printed once). */
export function kafkaTestPlan(available: boolean, env: Record<string, string | undefined>, reason: () => string): { skip: boolean; warning: string | null } {
  if (available) return { skip: false, warning: null };
  // In CI the tests run anyway: the first startBroker fails each one with the reason.
  if (env.CI === 'true') return { skip: false, warning: null };
  return { skip: true, warning: `Kafka tests skipped: ${reason()}` };
}

let warned = false;

/** describe() for tests that need the broker: skipped with the reason printed, except in CI, where they run and fail. */
export function describeKafka(name: string, body: () => void): void {
  const plan = kafkaTestPlan(brokerAvailable, process.env, brokerMissingReason);
  if (plan.warning && !warned) {
    warned = true;
    console.warn(plan.warning);
  }
  describe.skipIf(plan.skip)(name, body);
}
