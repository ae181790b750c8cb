/**
 * Real describe() texts from Apache Kafka's own tests (test/fixtures/describe-kafka, README.md there
 * says where each came from): each imports into a design the checker accepts (placeholders allowed),
 * and where the mapping is exact (the engine names those processors as Kafka does) the imported
 * design describes itself with the very same text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDesign } from '../../../src/compiler/compile';
import { checkDesign } from '../../../src/model/check';
import { importDescribe } from '../../../src/model/describe/import';

const DIR = join(__dirname, '..', '..', 'fixtures', 'describe-kafka');
const fixtures = readdirSync(DIR).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, ''));
const readme = readFileSync(join(DIR, 'README.md'), 'utf8');

/** Fixtures whose text the imported design prints back exactly. */
const EXACT = new Set([
  'CogroupedKStreamImplTest-shouldNameProcessorsAndStoreBasedOnNamedParameter',
  'KStreamImplTest-shouldBindStateWithOldProcessor',
  'KStreamImplTest-shouldBindStateWithOldProcessorSupplier',
  'KStreamImplTest-shouldMaterializeKTableFromKStream',
  'KStreamImplTest-shouldNotMaterializedKTableFromKStream',
  'KStreamImplTest-shouldProcessValues',
  'KStreamImplTest-shouldProcessWithOldProcessorAndState',
  'KStreamImplTest-shouldSupportStreamTableJoinWithKStreamToKTable',
  'KStreamImplTest-shouldSupportTriggerMaterializedWithKTableFromKStream',
  'SuppressTopologyTest-NAMED_INTERMEDIATE_TOPOLOGY',
  'TopologyTest-kGroupedStreamAnonymousMaterializedCountShouldPreserveTopologyStructure',
  'TopologyTest-kGroupedStreamAnonymousStoreTypedMaterializedCountShouldPreserveTopologyStructure',
  'TopologyTest-kGroupedStreamNamedMaterializedCountShouldPreserveTopologyStructure',
  'TopologyTest-kGroupedStreamZeroArgCountShouldPreserveTopologyStructure',
  'TopologyTest-sessionWindowAnonymousMaterializedCountShouldPreserveTopologyStructure',
  'TopologyTest-sessionWindowAnonymousStoreTypedMaterializedCountShouldPreserveTopologyStructure',
  'TopologyTest-sessionWindowNamedMaterializedCountShouldPreserveTopologyStructure',
  'TopologyTest-sessionWindowZeroArgCountShouldPreserveTopologyStructure',
  'TopologyTest-slidingWindowNamedMaterializedCountShouldPreserveTopologyStructure',
  'TopologyTest-slidingWindowZeroArgCountShouldPreserveTopologyStructure',
  'TopologyTest-timeWindowAnonymousMaterializedCountShouldPreserveTopologyStructure',
  'TopologyTest-timeWindowAnonymousStoreTypeMaterializedCountShouldPreserveTopologyStructure',
  'TopologyTest-timeWindowNamedMaterializedCountShouldPreserveTopologyStructure',
  'TopologyTest-timeWindowZeroArgCountShouldPreserveTopologyStructure',
]);

describe('describe() import of Kafka test fixtures', () => {
  it('has at least 15 fixtures, each listed with the file and test it came from', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
    const rows = readme.split('\n').filter((l) => /^\| .+\.txt \| streams\/src\/test\/java\/\S+\.java \| [\w ]+ \| \d+ \|$/.test(l));
    for (const f of fixtures) expect(rows.some((l) => l.startsWith(`| ${f}.txt |`)), f).toBe(true);
  });

  it.each(fixtures)('%s imports into a design the checker accepts', (f) => {
    const text = readFileSync(join(DIR, `${f}.txt`), 'utf8');
    const r = importDescribe(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.doc.nodes.length).toBeGreaterThan(0);
    expect(checkDesign(r.doc).filter((d) => d.severity === 'error')).toEqual([]);
    const back = compileDesign(r.doc).topology.describe().toString();
    if (EXACT.has(f)) expect(back).toBe(text);
    else expect(back).not.toBe(text);
  });
});
