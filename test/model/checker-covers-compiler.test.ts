/**
 * The checker covers everything the compiler can reject: on random designs built as a person builds
 * them (test/fixtures/random-built-designs.ts: every operator of the registry), the compiler reports
 * exactly the checker's diagnostics, never E_TOPOLOGY (an engine refusal the checker did not
 * foresee); a design the checker passes is compiled whole and runs in the simulator, whose only
 * possible failures are then its user functions' own errors on the samples.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDesign } from '../../src/compiler/compile';
import { checkDesign, hasErrors } from '../../src/model/check';
import { getOperator } from '../../src/model/registry';
import { simulate } from '../../src/simulator/simulate';
import { builtDesign, design } from '../fixtures/random-built-designs';

describe('the checker covers the compiler', () => {
  it('on random designs, the compiler reports exactly what the checker reports', () => {
    let clean = 0;
    fc.assert(
      fc.property(builtDesign, (b) => {
        const doc = design(b);
        const checked = checkDesign(doc);
        const compiled = compileDesign(doc);
        expect(compiled.diagnostics, JSON.stringify(doc.nodes.map((n) => [n.kind, n.params]))).toEqual(checked);
        if (hasErrors(checked)) return;
        clean++;
        // Connector nodes run outside the topology (Kafka Connect): every other node is built.
        expect(compiled.compiled.size).toBe(doc.nodes.filter((n) => !getOperator(n.kind)?.connector).length);
        const run = simulate({ doc });
        expect(run.diagnostics).toEqual(checked);
        // A run error is a user function's, on a node (the defaults are examples, not fitted to the samples).
        if (!run.ok) expect(run.error?.nodeId, run.error?.message).toBeDefined();
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: Number(process.env.FUZZ_SEED ?? 18) },
    );
    // The generator must keep producing valid designs, or this test proves nothing about them.
    expect(clean).toBeGreaterThan(10);
  });
});
