/** Which samples do not match their topic's schemas (null keys and tombstones are not checked). */
import type { SampleRecord, TopicSettings } from '../types';
import { parseTopicSchema } from './parse';
import { validateParsed, type ValueProblem } from './validate';

export interface SampleProblem extends ValueProblem {
  index: number;
  side: 'key' | 'value';
}

/** The problems of each record (in order), at most `limit` records with problems. */
export function sampleSchemaProblems(records: readonly SampleRecord[], settings: TopicSettings | undefined, limit = Infinity): SampleProblem[] {
  const sides = (['key', 'value'] as const).flatMap((side) => {
    const schema = settings?.[side === 'key' ? 'keySchema' : 'valueSchema'];
    const parsed = schema ? parseTopicSchema(schema) : null;
    return parsed?.ok ? [{ side, schema: parsed.schema }] : [];
  });
  const out: SampleProblem[] = [];
  let bad = 0;
  for (let index = 0; index < records.length && sides.length && bad < limit; index++) {
    const found = sides.flatMap(({ side, schema }) => {
      const v = records[index][side];
      return v === null || v === undefined ? [] : validateParsed(schema, v).map((p) => ({ ...p, index, side }));
    });
    if (found.length) bad++;
    out.push(...found);
  }
  return out;
}
