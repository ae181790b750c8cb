/** The engine exports a DslExpr "static" callee may name (e.g. "TimeWindows.ofSizeAndGrace"): the engine's public surface. */
import * as engine from '../engine';

export const ENGINE_EXPORTS = engine as unknown as Record<string, Record<string, unknown>>;
