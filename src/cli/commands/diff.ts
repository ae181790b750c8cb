import { upgradeFlags } from '../../compiler/upgrade-safety';
import { canonicalJson } from '../../engine';
import { checkDesign, hasErrors } from '../../model/check';
import { diffDesigns, type DesignDiff } from '../../model/design-diff';
import type { TopologyDocument } from '../../model/types';
import { behaviourChanged, behaviourDiff, type BehaviourRun } from '../../simulator/behaviour-diff';
import { loadDesignFile, loadSamplesFile } from '../files';
import { parseFlags } from '../flags';
import type { CliCommand, CliIo } from '../io';
import { printDiagnostics } from '../report';

/**
 * `streamwright diff <old.json> <new.json> [--samples <file>]... [--json]`: what changed on the
 * canvas, whether the new version can be deployed over the old one's state, and what it does
 * differently on the same samples and test cases. Exit 1 when the behaviour or the state
 * compatibility changed (for CI review), 0 when neither did.
 */
export const run: CliCommand = async (args, io) => {
  const { positional, flags } = parseFlags(args, { json: 'boolean', samples: 'list' });
  if (positional.length !== 2) {
    io.stderr('usage: streamwright diff <old.json> <new.json> [--samples <file>]... [--json]\n');
    return 2;
  }
  const docs = positional.map((f) => loadDesignFile(f, io.cwd)) as [TopologyDocument, TopologyDocument];
  for (const [i, doc] of docs.entries()) {
    const diags = checkDesign(doc);
    if (hasErrors(diags)) {
      printDiagnostics(io.stderr, positional[i], doc, diags.filter((d) => d.severity === 'error'));
      io.stderr(`${positional[i]}: not compared: the design has errors\n`);
      return 2;
    }
  }
  const samples = ((flags.samples as string[] | undefined) ?? []).reduce<Record<string, TopologyDocument['samples'][string]> | undefined>((acc, f) => ({ ...acc, ...loadSamplesFile(f, io.cwd) }), undefined);
  const canvas = diffDesigns(...docs);
  const upgrade = upgradeFlags(...docs);
  const behaviour = behaviourDiff(docs[0], docs[1], samples);
  const changed = upgrade.length > 0 || behaviourChanged(behaviour);
  if (flags.json) io.stdout(JSON.stringify({ changed, canvas, upgrade, behaviour }, null, 2) + '\n');
  else printText(io, canvas, upgrade, behaviour);
  return changed ? 1 : 0;
};

function printText(io: CliIo, canvas: DesignDiff, upgrade: ReturnType<typeof upgradeFlags>, behaviour: BehaviourRun[]) {
  const out = (s: string) => io.stdout(s + '\n');
  out('Canvas:');
  if (!canvas.nodes.length && !canvas.edgesAdded.length && !canvas.edgesRemoved.length && !canvas.settings.length) out('  no change');
  for (const n of canvas.nodes) out(`  ${n.change === 'added' ? '+' : n.change === 'removed' ? '-' : '~'} ${n.kind} "${n.name}"${n.renamedFrom ? ` (was "${n.renamedFrom}")` : ''}${n.fields ? `: ${n.fields.join(', ')}` : ''}`);
  if (canvas.edgesAdded.length || canvas.edgesRemoved.length) out(`  connections: ${canvas.edgesAdded.length} added, ${canvas.edgesRemoved.length} removed`);
  if (canvas.settings.length) out(`  settings: ${canvas.settings.join(', ')}`);
  out('Upgrade safety:');
  if (!upgrade.length) out('  the new version keeps the state of the old one');
  for (const f of upgrade) out(`  ${f.code} ${f.message}\n    on deploy: ${f.onDeploy}\n    to avoid: ${f.avoid}`);
  out('Behaviour:');
  for (const r of behaviour) {
    const errors = [r.errors.before && `old version failed: ${r.errors.before}`, r.errors.after && `new version failed: ${r.errors.after}`].filter(Boolean);
    out(`  ${r.label}: ${r.sinks.length || errors.length ? `${r.sinks.length} sink(s) differ` : 'same records'}`);
    for (const e of errors) out(`    ${e}`);
    for (const s of r.sinks) {
      out(`    ${s.topic}: ${s.added.length} added, ${s.removed.length} removed, ${s.changed.length} changed, ${s.unchanged} unchanged`);
      for (const x of s.removed) out(`      - key ${canonicalJson(x.key)} value ${canonicalJson(x.value)} @${x.timestamp}`);
      for (const x of s.added) out(`      + key ${canonicalJson(x.key)} value ${canonicalJson(x.value)} @${x.timestamp}`);
      for (const x of s.changed) out(`      ~ key ${canonicalJson(x.before.key)} value ${canonicalJson(x.before.value)} -> ${canonicalJson(x.after.value)} @${x.after.timestamp}`);
    }
  }
}
