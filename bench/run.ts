/**
 * `npm run bench [-- --json] [-- --records N]`: engine throughput against a hand-written loop and
 * RxJS in the same process (ratios), simulator latency for 10k samples through a 20-node design,
 * and code generation time for a 100-node design. Figures are reported, never asserted.
 */
import { Bench } from 'tinybench';
import { nodeEngineSources } from '../codegen/engine-sources-node';
import { generateProject } from '../codegen/generate';
import { simulate } from '../src/simulator/simulate';
import { chainDesign } from './designs';
import { WORKLOADS, resetRx } from './workloads';

const args = process.argv.slice(2);
const json = args.includes('--json');
const recordsArg = args.indexOf('--records');
const N = recordsArg >= 0 ? Number(args[recordsArg + 1]) : 1_000_000;
const log = (s: string) => (json ? undefined : console.log(s));

async function median(fn: () => unknown | Promise<unknown>, iterations: number, name: string) {
  const bench = new Bench({ iterations, warmupIterations: 1, time: 0, warmupTime: 0 });
  bench.add(name, fn);
  await bench.run();
  const r = bench.tasks[0].result as unknown as { latency?: { p50?: number; mean: number }; p50?: number; mean?: number };
  return r.latency?.p50 ?? r.p50 ?? r.latency?.mean ?? r.mean ?? NaN;
}

const results: Record<string, unknown> = { records: N, workloads: [] as unknown[] };
log(`Engine workloads, ${N.toLocaleString()} records each (median ms of 3 runs, same process)`);
log('workload'.padEnd(60) + 'engine'.padStart(10) + 'loop'.padStart(10) + 'rxjs'.padStart(10) + '  engine/loop  engine/rxjs');
for (const w of WORKLOADS) {
  const input = w.input(N);
  const engine = await median(() => w.engine(input), 3, 'engine');
  const loop = await median(() => w.loop(input), 3, 'loop');
  const rx = await median(async () => {
    resetRx();
    await w.rx(input);
  }, 3, 'rx');
  (results.workloads as unknown[]).push({ name: w.name, engineMs: engine, loopMs: loop, rxjsMs: rx, engineOverLoop: engine / loop, engineOverRxjs: engine / rx });
  log(w.name.padEnd(60) + engine.toFixed(0).padStart(10) + loop.toFixed(0).padStart(10) + rx.toFixed(0).padStart(10) + `  ${(engine / loop).toFixed(2)}x`.padStart(13) + `  ${(engine / rx).toFixed(2)}x`.padStart(12));
}

const design20 = chainDesign(20, 10_000);
const simMs = await median(() => simulate({ doc: design20, maxTracePerNode: 500 }), 15, 'simulate');
const simAllMs = await median(() => simulate({ doc: design20, maxTracePerNode: 10_000 }), 15, 'simulate-all-traces');
results.simulate10kThrough20Nodes = { medianMs: simMs, withEveryRecordTracedMs: simAllMs, targetMs: 50 };
log(`\nsimulate 10k samples through a 20-node design: median ${simMs.toFixed(1)} ms as the designer runs it (500 traced records per node), ${simAllMs.toFixed(1)} ms tracing every record (target < 50 ms)`);

const design100 = chainDesign(100, 100);
const engine = nodeEngineSources();
const genMs = await median(() => generateProject(design100, engine), 20, 'generate');
results.generate100Nodes = { medianMs: genMs, targetMs: 100 };
log(`generate the project of a 100-node design: median ${genMs.toFixed(1)} ms (target < 100 ms)`);

if (json) console.log(JSON.stringify(results, null, 2));
