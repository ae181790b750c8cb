/**
 * Kafka's topic name rule (Topic.validate) at its edges, through the checker as the designer, the
 * CLI and codegen see it: a sink or source topic Kafka would refuse is E_TOPIC_NAME on that node's
 * topic param; every name Kafka accepts passes, however odd.
 */
import { describe, expect, it } from 'vitest';
import { checkDesign } from '../../src/model/check';
import { kafkaNameProblem, MAX_KAFKA_NAME_LENGTH } from '../../src/model/kafka-names';
import { design, node } from '../fixtures/build';

const REFUSED = ['.', '..', 'x'.repeat(MAX_KAFKA_NAME_LENGTH + 1), 'a/b', '../../x', 'a\\b', 'in topic', 'ünï', '注文', '🚀', 'a\u2028b', 'a\rb', 'tab\t', '__proto__\u0000', 'C:evil', '%2F'];
const ACCEPTED = ['...', '.hidden', '-', '_', 'x'.repeat(MAX_KAFKA_NAME_LENGTH), '__proto__', 'constructor', 'in.topic_1-X', '0'];

const topicsOf = (source: string, sink: string) => design([node('s', 'stream', { topic: source }), node('o', 'to', { topic: sink })], [['s', 'o']]);
const topicErrors = (source: string, sink: string) =>
  checkDesign(topicsOf(source, sink))
    .filter((d) => d.code === 'E_TOPIC_NAME')
    .map((d) => [d.nodeId, d.param, d.severity]);

describe("Kafka's topic name rule", () => {
  it('has 249 as its length limit and refuses "." and ".." only as whole names', () => {
    expect(MAX_KAFKA_NAME_LENGTH).toBe(249);
    for (const name of REFUSED) expect(kafkaNameProblem(name), JSON.stringify(name)).not.toBeNull();
    for (const name of ACCEPTED) expect(kafkaNameProblem(name), name).toBeNull();
  });

  it.each(REFUSED.map((n) => [JSON.stringify(n), n]))('refuses %s as a sink and as a source topic (E_TOPIC_NAME on the node)', (_, name) => {
    expect(topicErrors('in', name)).toEqual([['o', 'topic', 'error']]);
    expect(topicErrors(name, 'out')).toEqual([['s', 'topic', 'error']]);
  });

  it('accepts every legal name, however odd', () => {
    for (const name of ACCEPTED) expect(topicErrors(name, `${name.slice(0, 200)}-out`), name).toEqual([]);
  });
});
