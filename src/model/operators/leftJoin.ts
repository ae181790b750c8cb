import { joinDescriptor } from './join-common';

/** leftJoin: every left record produces output, with null when the right side has no match. */
export const leftJoin = joinDescriptor('leftJoin', 'Left join: every left record is joined, with null when the right side has no match (two streams: after the window closes).');
