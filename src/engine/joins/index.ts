/**
 * Join entry points. The DSL classes (KStream/KTable in src/engine) delegate every join,
 * leftJoin and outerJoin call here, passing themselves and the raw DSL arguments; these functions
 * inspect the argument types (KStream + JoinWindows, KTable, GlobalKTable + keySelector, KTable +
 * foreign-key extractor) and build the processors. Owned by the joins work; stubs until then.
 */
export type JoinType = 'inner' | 'left' | 'outer';

/** KStream#join / leftJoin / outerJoin. Returns the resulting KStream implementation. */
export function joinStream(self: unknown, type: JoinType, args: unknown[]): unknown {
  void self;
  void args;
  throw new Error(`KStream ${type} join is not implemented yet`);
}

/** KTable#join / leftJoin / outerJoin (primary-key or foreign-key). Returns the resulting KTable implementation. */
export function joinTable(self: unknown, type: JoinType, args: unknown[]): unknown {
  void self;
  void args;
  throw new Error(`KTable ${type} join is not implemented yet`);
}
