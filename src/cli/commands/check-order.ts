/**
 * `streamwright check-order design.json [--orders K] [--seed S] [--json]`: replays the design's
 * samples under K valid arrival orders (src/simulator/order) and lists the sink records whose
 * presence depends on the order. Exit 1 when some do, so CI can catch it.
 */
import { CliError } from '../cli-error';
import { loadDesignFile } from '../files';
import type { CliCommand } from '../io';
import { parseFlags } from '../flags';
import { findOrderDependence } from '../../simulator/order/order-finder';

const USAGE = 'usage: streamwright check-order <design.json> [--orders K] [--seed S] [--json]\n';

const whole = (flag: string, v: unknown, fallback: number) => {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`--${flag} must be a whole number >= 1 (got ${String(v)})`);
  return n;
};

export const run: CliCommand = async (args, io) => {
  const { positional, flags } = parseFlags(args, { orders: 'string', seed: 'string', json: 'boolean' });
  if (positional.length !== 1) {
    io.stderr(USAGE);
    return 2;
  }
  const file = positional[0];
  const report = findOrderDependence(loadDesignFile(file, io.cwd), { orders: whole('orders', flags.orders, 50), seed: whole('seed', flags.seed, 1) });
  if (!report.ok) {
    io.stderr(`${file}: ${report.error}\n`);
    return 2;
  }
  if (flags.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else {
    io.stdout(`${file}: tried ${report.tried} orders (seed ${report.seed}): ${report.dependent.length ? `${report.dependent.length} sink record(s) depend on the arrival order` : 'no sink record depends on the arrival order'}\n`);
    for (const d of report.dependent) {
      io.stdout(`  ${d.topic}: ${JSON.stringify(d.key)} -> ${JSON.stringify(d.value)}: present with [${d.presentIn.join(', ')}], absent with [${d.absentIn.join(', ')}]\n`);
      if (d.swap) io.stdout(`    smallest change: ${d.swap[0]} and ${d.swap[1]} swapped in Kafka's order\n`);
    }
  }
  return report.dependent.length ? 1 : 0;
};
