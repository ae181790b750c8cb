/**
 * `npm run bench [-- --json] [-- --records N] [-- --runs R] [-- --only <workload name part>]`: engine throughput against a hand-written loop and
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
 * other processes on the machine hits all three alike; ratios are the median of the per-round ratios,
 * from wall time and from this process's CPU time (steadier when other processes compete for the CPU).
 */
async function rounds(w: (typeof WORKLOADS)[number], input: ReturnType<(typeof WORKLOADS)[number]['input']>, n: number) {
  const wall = { engine: [] as number[], loop: [] as number[], rx: [] as number[] };
  const cpu = { engine: [] as number[], loop: [] as number[], rx: [] as number[] };
  const time = async (f: () => unknown): Promise<[number, number]> => {
    const c = process.cpuUsage();
    const t = performance.now();
    await f();
    const used = process.cpuUsage(c);
    return [performance.now() - t, (used.user + used.system) / 1000];
  };
  const runs = [
    ['engine', () => w.engine(input)],
    ['loop', () => w.loop(input)],
    ['rx', () => (resetRx(), w.rx(input))],
  ] as const;
  for (let i = 0; i <= n; i++) {
    // The order rotates each round, so collecting one run's garbage does not always fall on the same
    // other run. (A forced full collection before each run was tried: it shrinks the young generation,
    // so every run then scavenges far more often and all three slow down 1.5-3x.)
    for (let j = 0; j < runs.length; j++) {
      const [k, f] = runs[(i + j) % runs.length];
      const v = await time(f);
      if (i === 0) continue;
      wall[k].push(v[0]);
      cpu[k].push(v[1]);
    }
  }
  const mid = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
  const ratio = (a: number[], b: number[]) => mid(a.map((x, i) => x / b[i]));
  return {
    engine: mid(wall.engine),
    loop: mid(wall.loop),
    rx: mid(wall.rx),
    overLoop: ratio(wall.engine, wall.loop),
    overRx: ratio(wall.engine, wall.rx),
    cpuOverLoop: ratio(cpu.engine, cpu.loop),
    cpuOverRx: ratio(cpu.engine, cpu.rx),
  };
}

// `--only <text>`: only the workloads whose name contains it (e.g. `--only cogroup`).
const onlyArg = args.indexOf('--only');
const workloads = onlyArg >= 0 ? WORKLOADS.filter((w) => w.name.includes(args[onlyArg + 1])) : WORKLOADS;
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 5;
const results: Record<string, unknown> = { records: N, runs: RUNS, workloads: [] as unknown[] };
log(`Engine workloads, ${N.toLocaleString()} records each (median ms of ${RUNS} rounds of engine, loop, RxJS in one process, order rotating; ratios: median of the per-round ratios, wall and CPU time)`);
log('workload'.padEnd(60) + 'engine'.padStart(8) + 'loop'.padStart(8) + 'rxjs'.padStart(8) + '  engine/loop (cpu)  engine/rxjs (cpu)');
for (const w of workloads) {
  const r = await rounds(w, w.input(N), RUNS);
  (results.workloads as unknown[]).push({ name: w.name, engineMs: r.engine, loopMs: r.loop, rxjsMs: r.rx, engineOverLoop: r.overLoop, engineOverRxjs: r.overRx, cpuEngineOverLoop: r.cpuOverLoop, cpuEngineOverRxjs: r.cpuOverRx });
  const x = (v: number) => `${v.toFixed(2)}x`;
  log(w.name.padEnd(60) + r.engine.toFixed(0).padStart(8) + r.loop.toFixed(0).padStart(8) + r.rx.toFixed(0).padStart(8) + `${x(r.overLoop)} (${x(r.cpuOverLoop)})`.padStart(19) + `${x(r.overRx)} (${x(r.cpuOverRx)})`.padStart(19));
}

// The simulator last: run first, its design (wrapped user functions, object values, a cached window
// count) leaves the engine's shared code polymorphic, and the four workloads then ran 15-25% slower
// (a generated project runs one topology). Timed after them it is ~2 ms slower than alone in a
// process (`npm run bench:simulate`, as the designer's worker runs it).
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
