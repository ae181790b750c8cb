/** The connector files of a generated project: Connect's REST format, no secret in clear, the README and scripts. */
import { describe, expect, it } from 'vitest';
import { checkDesign } from '../../src/model/check';
import { CodegenError } from '../../codegen/print-expr';
import { filePipeline, generated } from './fixtures';

describe('exported connectors', () => {
  it('writes connect/<name>.json per connector: the body of PUT /connectors/<name>/config', () => {
    const files = generated(filePipeline());
    expect(JSON.parse(files.get('connect/lines-in.json')!)).toEqual({
      'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector',
      name: 'lines-in',
      topic: 'lines',
      file: 'lines.txt',
      'tasks.max': '1',
    });
    expect(JSON.parse(files.get('connect/shouted-db.json')!)).toMatchObject({ 'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector', name: 'shouted-db', topics: 'shouted', 'connection.password': '${env:SHOP_DB_PASSWORD}' });
    expect(JSON.parse(files.get('package.json')!).scripts['connect:apply']).toBe('node connect/apply.mjs');
    expect(files.get('README.md')).toContain('npm run connect:apply');
    expect(files.get('.env.example')).toMatch(/^SHOP_DB_PASSWORD=$/m);
    // Connector nodes are no part of the topology code.
    expect(files.get('src/topology.ts')).not.toContain('lines-in');
  });

  it('keeps secrets out of the design and every generated file; a secret in clear stops the export', () => {
    const doc = filePipeline();
    const secret = 's3cr3t-value';
    expect(JSON.stringify(doc)).not.toContain(secret);
    for (const [path, text] of generated(doc)) expect(text, path).not.toContain(secret);
    const clear = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'db' ? { ...n, params: { config: { ...(n.params.config as object), 'connection.password': secret } } } : n)) };
    expect(checkDesign(clear).map((d) => d.code)).toContain('E_CONNECTOR_SECRET_CLEAR');
    expect(() => generated(clear)).toThrow(CodegenError);
  });

  it('a design without connectors gets no connect folder and no connect:apply', () => {
    const doc = filePipeline();
    const files = generated({ ...doc, nodes: doc.nodes.filter((n) => !['src', 'snk', 'db'].includes(n.id)) });
    expect([...files.keys()].filter((p) => p.startsWith('connect/'))).toEqual([]);
    expect(JSON.parse(files.get('package.json')!).scripts['connect:apply']).toBeUndefined();
    expect(files.get('src/connectors.ts')).toContain('FILE_SOURCES: FileSourceSpec[] = []');
  });
});
