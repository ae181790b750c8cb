import { joinDescriptor } from './join-common';

/** outerJoin: both sides produce output, with null for the missing side (streams and tables). */
export const outerJoin = joinDescriptor('outerJoin', 'Outer join: records of either side are joined, with null for the missing side.');
