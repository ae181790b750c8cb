/** Connector nodes: each type's required keys, secrets, topics and links, through the one checker. */
import { describe, expect, it } from 'vitest';
import { compileDesign } from '../../src/compiler/compile';
import { checkDesign } from '../../src/model/check';
import { CONNECTORS } from '../../src/model/connectors/index';
import { keyProblems } from '../../src/model/connectors/check';
import { connectorLinks } from '../../src/model/connectors/links';
import { isProviderReference } from '../../src/model/connectors/secrets';
import type { ConnectorSpec } from '../../src/model/connectors/spec';
import { design, node } from '../fixtures/build';

/** stream "in" -> to "out", plus connector `c` of the spec with its defaults changed by `config`. */
function withConnector(spec: ConnectorSpec, config: Record<string, string> = {}) {
  return design([node('s', 'stream', { topic: 'in' }), node('o', 'to', { topic: 'out' }), node('c', spec.kind, { config: { ...spec.defaults, ...config } })], [['s', 'o']]);
}

const codesAt = (doc: ReturnType<typeof withConnector>, param: string) => checkDesign(doc).filter((d) => d.nodeId === 'c' && d.param === param).map((d) => d.code);

describe.each(CONNECTORS.map((s) => [s.kind, s] as const))('%s', (_kind, spec) => {
  it('starts from a config the checker passes (no error), with every secret a provider reference', () => {
    const errors = checkDesign(withConnector(spec)).filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    for (const k of spec.keys.filter((x) => x.secret)) if (spec.defaults[k.name] !== undefined) expect(isProviderReference(spec.defaults[k.name])).toBe(true);
  });
  it.each(spec.keys.filter((k) => k.required).map((k) => [k.name]))('flags a missing %s at its key', (key) => {
    const config = { ...spec.defaults };
    delete config[key];
    const doc = design([node('c', spec.kind, { config })], []);
    expect(codesAt(doc, `config.${key}`)).toContain('E_CONNECTOR_REQUIRED');
    // Blank is missing too (the inspector keeps an emptied field as "").
    expect(codesAt(design([node('c', spec.kind, { config: { ...config, [key]: '  ' } })], []), `config.${key}`)).toContain('E_CONNECTOR_REQUIRED');
  });
  it('refuses a secret in clear, in its own keys and in an extra key named like one', () => {
    const secret = spec.keys.find((k) => k.secret);
    if (secret) expect(codesAt(withConnector(spec, { [secret.name]: 'hunter2' }), `config.${secret.name}`)).toEqual(['E_CONNECTOR_SECRET_CLEAR']);
    expect(codesAt(withConnector(spec, { 'my.api.key': 'abc' }), 'config.my.api.key')).toEqual(['E_CONNECTOR_SECRET_CLEAR']);
    expect(codesAt(withConnector(spec, { 'my.api.key': '${env:API_KEY}' }), 'config.my.api.key')).toEqual([]);
    expect(codesAt(withConnector(spec, { 'my.api.key': '${file:/etc/secrets.properties:api.key}' }), 'config.my.api.key')).toEqual([]);
  });
  it('is not part of the topology: the compiled design is the one without it', () => {
    const doc = withConnector(spec);
    const without = { ...doc, nodes: doc.nodes.filter((n) => n.id !== 'c') };
    const compiled = compileDesign(doc);
    expect(compiled.compiled.has('c')).toBe(false);
    expect(compiled.topology.describe().toString()).toBe(compileDesign(without).topology.describe().toString());
  });
});

describe('connector rules beyond required keys', () => {
  const spec = (kind: string) => CONNECTORS.find((s) => s.kind === kind)!;
  it('requires keys that depend on other keys (JDBC mode columns, HTTP basic auth)', () => {
    const jdbc = spec('jdbcSource');
    expect(keyProblems(jdbc, { ...jdbc.defaults, mode: 'timestamp+incrementing', 'incrementing.column.name': '' }).map((p) => p.key)).toEqual(['incrementing.column.name', 'timestamp.column.name']);
    expect(keyProblems(jdbc, { ...jdbc.defaults, mode: 'bulk', 'incrementing.column.name': '' })).toEqual([]);
    const http = spec('httpSink');
    expect(keyProblems(http, { ...http.defaults, 'auth.type': 'BASIC' }).map((p) => p.key)).toEqual(['connection.user', 'connection.password']);
    const sink = spec('fileStreamSink');
    expect(keyProblems(sink, { 'topics.regex': 'out.*' })).toEqual([]);
    expect(keyProblems(sink, {}).map((p) => [p.key, p.code])).toEqual([['topics', 'E_CONNECTOR_REQUIRED']]);
  });
  it('checks allowed values and whole numbers', () => {
    const s3 = spec('s3Sink');
    expect(keyProblems(s3, { ...s3.defaults, 'flush.size': 'many' }).map((p) => [p.key, p.code])).toEqual([['flush.size', 'E_CONNECTOR_VALUE']]);
    expect(keyProblems(spec('jdbcSource'), { ...spec('jdbcSource').defaults, mode: 'sometimes' }).map((p) => p.code)).toEqual(['E_CONNECTOR_VALUE']);
  });
  it('derives topics from the real keys', () => {
    const jdbc = spec('jdbcSource');
    expect(jdbc.topicsOf({ 'topic.prefix': 'db-', 'table.whitelist': 'orders, customers' })).toEqual(['db-orders', 'db-customers']);
    expect(jdbc.topicsOf({ 'topic.prefix': 'big-orders', query: 'SELECT * FROM orders' })).toEqual(['big-orders']);
    expect(spec('debeziumPostgres').topicsOf({ 'topic.prefix': 'shop', 'table.include.list': 'public.orders' })).toEqual(['shop.public.orders']);
    expect(spec('debeziumPostgres').topicsOf({ 'topic.prefix': 'shop', 'table.include.list': 'public.order_.*' })).toBeNull();
    expect(spec('elasticsearchSink').topicsOf({ topics: 'a,b' })).toEqual(['a', 'b']);
  });
  it('links a source connector to the nodes reading its topic and a sink to those writing it', () => {
    const doc = design(
      [node('s', 'stream', { topic: 'in' }), node('o', 'to', { topic: 'out' }), node('src', 'fileStreamSource', { config: { topic: 'in' } }), node('snk', 'fileStreamSink', { config: { topics: 'out' } })],
      [['s', 'o']],
    );
    expect(connectorLinks(doc).map((l) => [l.connectorId, l.nodeId, l.topic, l.direction])).toEqual([
      ['src', 's', 'in', 'source'],
      ['snk', 'o', 'out', 'sink'],
    ]);
    expect(checkDesign(doc)).toEqual([]);
    const unlinked = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'snk' ? { ...n, params: { config: { topics: 'elsewhere' } } } : n)) };
    expect(checkDesign(unlinked).map((d) => [d.nodeId, d.code])).toEqual([['snk', 'W_CONNECTOR_TOPIC_UNUSED']]);
  });
  it('refuses keys the node sets itself and illegal topic names', () => {
    const file = spec('fileStreamSource');
    expect(codesAt(withConnector(file, { name: 'x' }), 'config.name')).toEqual(['E_CONNECTOR_VALUE']);
    expect(codesAt(withConnector(file, { topic: 'bad topic' }), 'config.topic')).toEqual(['E_TOPIC_NAME']);
  });
});
