import { z } from 'zod';
import type { OperatorDescriptor, ParamProblem } from '../descriptor';
import { call, input, lit, stat, type DslExpr } from '../dsl-expr';
import { DOCS, first } from './common';

const ms = (def: number) => z.number().min(0, 'must be zero or positive').default(def);
const schema = z.object({
  type: z.enum(['tumbling', 'hopping', 'sliding', 'session']).default('tumbling'),
  sizeMs: ms(60_000),
  advanceMs: ms(60_000),
  timeDifferenceMs: ms(60_000),
  gapMs: ms(300_000),
  graceMs: ms(0),
  emitStrategy: z.enum(['onWindowUpdate', 'onWindowClose']).default('onWindowUpdate'),
});
type Params = z.infer<typeof schema>;

const is = (...types: Params['type'][]) => (p: Record<string, unknown>) => types.includes(p.type as Params['type']);

/** KGroupedStream#windowedBy: tumbling, hopping, sliding or session windows, with grace. */
export const windowedBy: OperatorDescriptor<Params> = {
  kind: 'windowedBy',
  label: 'windowedBy',
  category: 'Grouping & windows',
  help: 'Windows a grouped stream by event time. Records later than the grace period are dropped.',
  docsUrl: `${DOCS}#windowing`,
  schema,
  defaults: { type: 'tumbling', sizeMs: 60_000, advanceMs: 60_000, timeDifferenceMs: 60_000, gapMs: 300_000, graceMs: 0, emitStrategy: 'onWindowUpdate' },
  paramSpecs: [
    { name: 'type', label: 'Window type', control: { type: 'enum', options: ['tumbling', 'hopping', 'sliding', 'session'] } },
    { name: 'sizeMs', label: 'Size', control: { type: 'duration' }, visibleWhen: is('tumbling', 'hopping') },
    { name: 'advanceMs', label: 'Advance', control: { type: 'duration' }, visibleWhen: is('hopping') },
    { name: 'timeDifferenceMs', label: 'Time difference', control: { type: 'duration' }, visibleWhen: is('sliding') },
    { name: 'gapMs', label: 'Inactivity gap', control: { type: 'duration' }, visibleWhen: is('session') },
    { name: 'graceMs', label: 'Grace', control: { type: 'duration' } },
    // Kafka offers no emitStrategy on cogrouped windows.
    { name: 'emitStrategy', label: 'Emit', control: { type: 'enum', options: ['onWindowUpdate', 'onWindowClose'] }, visibleWhen: (_p, kinds) => !kinds.includes('CogroupedKStream') },
  ],
  inputs: [{ name: 'in', label: 'grouped stream', accepts: ['KGroupedStream', 'CogroupedKStream'] }],
  output: (inputs, p) => {
    const t = first(inputs);
    if (!t) return { error: 'needs an input', code: 'E_INPUT_MISSING' };
    if (t.kind === 'CogroupedKStream') return p.type === 'session' ? { kind: 'SessionWindowedCogroupedKStream' } : { kind: 'TimeWindowedCogroupedKStream' };
    if (t.kind !== 'KGroupedStream') return { error: `windowedBy cannot follow a ${t.kind}; it takes a KGroupedStream (add groupByKey or groupBy first)` };
    return p.type === 'session' ? { kind: 'SessionWindowedKStream' } : { kind: 'TimeWindowedKStream' };
  },
  validate: (p, inputs) => {
    const out: ParamProblem[] = [];
    if (first(inputs)?.kind === 'CogroupedKStream' && p.emitStrategy === 'onWindowClose') out.push({ code: 'E_PARAM_ENUM', param: 'emitStrategy', message: 'cogrouped windows emit on every update: Kafka offers no emitStrategy after a cogroup' });
    const positive = (f: 'sizeMs' | 'advanceMs' | 'timeDifferenceMs' | 'gapMs') => {
      if (!(p[f] > 0)) out.push({ code: 'E_PARAM_RANGE', param: f, message: 'must be greater than zero' });
    };
    if (p.type === 'tumbling' || p.type === 'hopping') positive('sizeMs');
    if (p.type === 'hopping') {
      positive('advanceMs');
      if (p.advanceMs > p.sizeMs) out.push({ code: 'E_PARAM_RANGE', param: 'advanceMs', message: `advance (${p.advanceMs} ms) must not exceed the size (${p.sizeMs} ms)` });
    }
    if (p.type === 'sliding') positive('timeDifferenceMs');
    if (p.type === 'session') positive('gapMs');
    return out;
  },
  lower: (p, { inputs }) => {
    let w: DslExpr;
    if (p.type === 'session') w = stat('SessionWindows.ofInactivityGapAndGrace', lit(p.gapMs), lit(p.graceMs));
    else if (p.type === 'sliding') w = stat('SlidingWindows.ofTimeDifferenceAndGrace', lit(p.timeDifferenceMs), lit(p.graceMs));
    else {
      w = stat('TimeWindows.ofSizeAndGrace', lit(p.sizeMs), lit(p.graceMs));
      if (p.type === 'hopping') w = call(w, 'advanceBy', lit(p.advanceMs));
    }
    const windowed = call(input('in'), 'windowedBy', w);
    return p.emitStrategy === 'onWindowClose' && first(inputs)?.kind !== 'CogroupedKStream' ? call(windowed, 'emitStrategy', stat('EmitStrategy.onWindowClose')) : windowed;
  },
};
