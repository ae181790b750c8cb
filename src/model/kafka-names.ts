/**
 * The name rule Kafka applies to topic names (org.apache.kafka.common.internals.Topic#validate) and
 * Kafka Streams applies to processor and store names (Named#validate, called by Named.as and
 * Materialized.as): 1..249 ASCII letters, digits, '.', '_' or '-', and not "." or "..". The
 * checker, codegen and the CLI all ask this one function.
 */

export const MAX_KAFKA_NAME_LENGTH = 249;

const LEGAL = /^[a-zA-Z0-9._-]+$/;

/** Why Kafka would refuse `name`, or null when it is legal. */
export function kafkaNameProblem(name: string): string | null {
  if (name.length === 0) return 'must not be empty';
  if (name === '.' || name === '..') return 'must not be "." or ".."';
  if (name.length > MAX_KAFKA_NAME_LENGTH) return `must be at most ${MAX_KAFKA_NAME_LENGTH} characters (it has ${name.length})`;
  if (!LEGAL.test(name)) {
    const bad = [...name].find((ch) => !LEGAL.test(ch))!;
    return `may use only ASCII letters, digits, ".", "_" and "-" (found ${JSON.stringify(bad)})`;
  }
  return null;
}
