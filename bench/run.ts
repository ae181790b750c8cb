/**
 * `npm run bench [-- --json] [-- --records N] [-- --runs R]`: engine throughput against a hand-written loop and
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

/**
 * Engine, loop and RxJS run in rounds (one of each per round, after a warm-up round), so load from
 * other processes on the machine hits all three alike; ratios are the median of the per-round ratios.
 */
async function rounds(w: (typeof WORKLOADS)[number], input: ReturnType<(typeof WORKLOADS)[number]['input']>, n: number) {
  const ms = { engine: [] as number[], loop: [] as number[], rx: [] as number[] };
  for (let i = 0; i <= n; i++) {
    let t = performance.now();
    w.engine(input);
    const engine = performance.now() - t;
    t = performance.now();
    w.loop(input);
    const loop = performance.now() - t;
    resetRx();
    t = performance.now();
    await w.rx(input);
    const rx = performance.now() - t;
    if (i === 0) continue;
    ms.engine.push(engine);
    ms.loop.push(loop);
    ms.rx.push(rx);
  }
  const mid = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
  const ratio = (a: number[], b: number[]) => mid(a.map((x, i) => x / b[i]));
  return { engine: mid(ms.engine), loop: mid(ms.loop), rx: mid(ms.rx), overLoop: ratio(ms.engine, ms.loop), overRx: ratio(ms.engine, ms.rx) };
}

const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 5;
const results: Record<string, unknown> = { records: N, runs: RUNS, workloads: [] as unknown[] };
log(`Engine workloads, ${N.toLocaleString()} records each (median ms of ${RUNS} rounds of engine, loop, RxJS in one process; ratios: median of the per-round ratios)`);
log('workload'.padEnd(60) + 'engine'.padStart(10) + 'loop'.padStart(10) + 'rxjs'.padStart(10) + '  engine/loop  engine/rxjs');
for (const w of WORKLOADS) {
  const r = await rounds(w, w.input(N), RUNS);
  (results.workloads as unknown[]).push({ name: w.name, engineMs: r.engine, loopMs: r.loop, rxjsMs: r.rx, engineOverLoop: r.overLoop, engineOverRxjs: r.overRx });
  log(w.name.padEnd(60) + r.engine.toFixed(0).padStart(10) + r.loop.toFixed(0).padStart(10) + r.rx.toFixed(0).padStart(10) + `  ${r.overLoop.toFixed(2)}x`.padStart(13) + `  ${r.overRx.toFixed(2)}x`.padStart(12));
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
