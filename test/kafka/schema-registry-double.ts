/**
 * TEST DOUBLE of a Confluent Schema Registry: no registry server can be installed here, so the
 * Kafka tests start this small node:http server on loopback. It implements only the endpoints
 * @kafkajs/confluent-schema-registry calls (its src/api/index.ts), with the request and response
 * shapes of Confluent's REST API reference:
 *   POST /subjects/{s}/versions          register: {schema, schemaType?} -> {id} (same text, same id)
 *   POST /subjects/{s}                   look up a schema under a subject -> {subject, id, version, schema}
 *   GET  /subjects/{s}/versions/{v}      v a number or "latest" -> {subject, id, version, schema, schemaType?}
 *   GET  /schemas/ids/{id}               -> {schema, schemaType?} (schemaType absent for Avro)
 *   POST /compatibility/subjects/{s}/versions/{v} -> {is_compatible: true} (no rules are checked)
 *   GET/PUT /config/{s}                  subject-level compatibility (GET 404s until one is set)
 * Unknown subjects, versions and ids answer 404 with Confluent's error codes (40401, 40402, 40403).
 * It checks nothing about the schemas themselves: it is a store of texts, not a registry.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Stored { schema: string; schemaType?: string }

export interface RegistryDouble {
  url: string;
  /** Requests served, as `METHOD path` (a test can check which endpoints were used). */
  requests: string[];
  close: () => Promise<void>;
}

export async function startRegistryDouble(): Promise<RegistryDouble> {
  const schemas: Stored[] = [];
  const subjects = new Map<string, number[]>();
  const configs = new Map<string, string>();
  const requests: string[] = [];

  const idOf = (s: Stored) => {
    const i = schemas.findIndex((x) => x.schema === s.schema && (x.schemaType ?? 'AVRO') === (s.schemaType ?? 'AVRO'));
    return i < 0 ? schemas.push(s) : i + 1;
  };
  const versionBody = (subject: string, ids: number[], index: number) => {
    const id = ids[index];
    return { subject, id, version: index + 1, ...schemas[id - 1] };
  };

  const route = (method: string, parts: string[], body: Stored): [number, unknown] => {
    const [a, b, c, d, e] = parts;
    if (a === 'schemas' && b === 'ids' && method === 'GET') {
      const s = schemas[Number(c) - 1];
      return s ? [200, s] : [404, { error_code: 40403, message: 'Schema not found' }];
    }
    if (a === 'config' && b !== undefined) {
      if (method === 'PUT') {
        configs.set(b, String((body as { compatibility?: string }).compatibility));
        return [200, { compatibility: configs.get(b) }];
      }
      const level = configs.get(b);
      return level ? [200, { compatibilityLevel: level }] : [404, { error_code: 40408, message: 'Subject does not have subject-level compatibility configured' }];
    }
    if (a === 'compatibility' && b === 'subjects' && d === 'versions' && method === 'POST') return [200, { is_compatible: true }];
    if (a !== 'subjects' || b === undefined) return [404, { error_code: 404, message: 'HTTP 404 Not Found' }];
    const ids = subjects.get(b) ?? [];
    if (method === 'POST' && c === 'versions' && d === undefined) {
      const id = idOf(body);
      if (!ids.includes(id)) subjects.set(b, [...ids, id]);
      return [200, { id }];
    }
    if (ids.length === 0) return [404, { error_code: 40401, message: `Subject '${b}' not found.` }];
    if (method === 'POST' && c === undefined) {
      const index = ids.findIndex((id) => schemas[id - 1].schema === body.schema);
      return index < 0 ? [404, { error_code: 40403, message: 'Schema not found' }] : [200, versionBody(b, ids, index)];
    }
    if (method === 'GET' && c === 'versions' && d !== undefined && e === undefined) {
      const index = d === 'latest' ? ids.length - 1 : Number(d) - 1;
      return ids[index] === undefined ? [404, { error_code: 40402, message: 'Version not found.' }] : [200, versionBody(b, ids, index)];
    }
    return [404, { error_code: 404, message: 'HTTP 404 Not Found' }];
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0];
      requests.push(`${req.method} ${path}`);
      const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
      const [status, payload] = route(req.method ?? 'GET', parts, text ? (JSON.parse(text) as Stored) : { schema: '' });
      res.writeHead(status, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
      res.end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
