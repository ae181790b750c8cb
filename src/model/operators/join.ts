import { joinDescriptor } from './join-common';

/** join: inner join of streams and/or tables (windowed for two streams). */
export const join = joinDescriptor('join', 'Inner join: emits only when both sides have a match (two streams: within the join window).');
