/** The Kafka tests' skip rule: never silent, never in CI; and a missing broker is an error with its reason. */
import { describe, expect, it } from 'vitest';
import { brokerMissingReason } from './broker';
import { kafkaTestPlan } from './describe-kafka';

const reason = () => 'the mock Kafka broker is not built: no C compiler';

describe('Kafka tests without a broker', () => {
  it('in CI they run (and fail), never skip', () => {
    expect(kafkaTestPlan(false, { CI: 'true' }, reason)).toEqual({ skip: false, warning: null });
  });
  it('elsewhere they skip and say why', () => {
    expect(kafkaTestPlan(false, {}, reason)).toEqual({ skip: true, warning: 'Kafka tests skipped: the mock Kafka broker is not built: no C compiler' });
    expect(kafkaTestPlan(false, { CI: 'false' }, reason).skip).toBe(true);
  });
  it('with a broker they run', () => {
    expect(kafkaTestPlan(true, {}, reason)).toEqual({ skip: false, warning: null });
  });
  it('the reason names the build script when it never ran', () => {
    expect(brokerMissingReason()).toMatch(/^the mock Kafka broker is not built: /);
  });
});
