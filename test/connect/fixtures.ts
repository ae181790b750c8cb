/** A design with connectors on both ends: lines.txt -> FileStreamSource -> stream "lines" -> mapValues -> to "shout" -> FileStreamSink + JDBC sink. */
import { generateProject } from '../../codegen/generate';
import { nodeEngineSources } from '../../codegen/engine-sources-node';
import type { TopologyDocument } from '../../src/model/types';
import { design, node } from '../fixtures/build';

export function filePipeline(): TopologyDocument {
  return design(
    [
      node('src', 'fileStreamSource', { config: { topic: 'lines', file: 'lines.txt', 'tasks.max': '1' } }, 'lines-in'),
      node('s', 'stream', { topic: 'lines' }, 'read-lines'),
      node('m', 'mapValues', { mapper: '(v) => String(v).toUpperCase()' }, 'shout'),
      node('o', 'to', { topic: 'shouted' }, 'write-shouted'),
      node('snk', 'fileStreamSink', { config: { topics: 'shouted', file: 'out-lines.txt' } }, 'shouted-out'),
      node('db', 'jdbcSink', { config: { topics: 'shouted', 'connection.url': 'jdbc:postgresql://db:5432/shop', 'connection.user': 'shop', 'connection.password': '${env:SHOP_DB_PASSWORD}' } }, 'shouted-db'),
    ],
    [['s', 'm'], ['m', 'o']],
    { lines: [{ key: null, value: 'from the samples', timestamp: 1 }] },
  );
}

export function generated(doc: TopologyDocument): Map<string, string> {
  return generateProject(doc, nodeEngineSources());
}
