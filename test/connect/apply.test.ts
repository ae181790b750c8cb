/**
 * `npm run connect:apply` of a generated project against a small Connect REST API of the test that
 * keeps configs and records every PUT: first run creates, a second changes nothing, statuses print.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempRoot, writeProject } from '../codegen/project-dir';
import { filePipeline, generated } from './fixtures';

interface FakeConnect {
  url: string;
  puts: { name: string; body: Record<string, string> }[];
  configs: Map<string, Record<string, string>>;
  state: string;
  server: Server;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Connect's REST API as far as connect:apply uses it: GET/PUT /connectors/<name>/config, GET /connectors/<name>/status. */
async function fakeConnect(): Promise<FakeConnect> {
  const fake = { puts: [], configs: new Map(), state: 'RUNNING' } as unknown as FakeConnect;
  fake.server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const m = /^\/connectors\/([^/]+)\/(config|status)$/.exec(req.url ?? '');
    if (!m) return reply(res, 404, { error_code: 404, message: 'not found' });
    const name = decodeURIComponent(m[1]);
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      const known = fake.configs.get(name);
      if (req.method === 'PUT' && m[2] === 'config') {
        const body = JSON.parse(text) as Record<string, string>;
        fake.puts.push({ name, body });
        fake.configs.set(name, body);
        return reply(res, known ? 200 : 201, { name, config: body, tasks: [], type: 'sink' });
      }
      if (!known) return reply(res, 404, { error_code: 404, message: `Connector ${name} not found` });
      if (m[2] === 'config') return reply(res, 200, known);
      reply(res, 200, { name, connector: { state: fake.state, worker_id: 'w:8083' }, tasks: [{ id: 0, state: fake.state, worker_id: 'w:8083' }], type: 'sink' });
    });
  });
  await new Promise<void>((done) => fake.server.listen(0, '127.0.0.1', done));
  fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}/`;
  return fake;
}

function applyIn(dir: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, ['connect/apply.mjs'], { cwd: dir, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (c) => (stdout += c));
    p.stderr.on('data', (c) => (stderr += c));
    p.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

describe('npm run connect:apply', () => {
  let fake: FakeConnect;
  let dir: string;
  beforeAll(async () => {
    fake = await fakeConnect();
    dir = writeProject(tempRoot('sw-connect-apply-'), generated(filePipeline()));
  });
  afterAll(() => new Promise<void>((done) => fake.server.close(() => done())));

  it('PUTs every connector once, leaves them alone on a second run, and prints their status', async () => {
    const first = await applyIn(dir, { CONNECT_URL: fake.url });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(fake.puts.map((p) => p.name).sort()).toEqual(['lines-in', 'shouted-db', 'shouted-out']);
    expect(first.stdout).toContain('lines-in: created; RUNNING, tasks: 0 RUNNING');
    // The worker resolves the secret: it travels as the reference.
    expect(fake.puts.find((p) => p.name === 'shouted-db')!.body['connection.password']).toBe('${env:SHOP_DB_PASSWORD}');

    const second = await applyIn(dir, { CONNECT_URL: fake.url });
    expect(second.code).toBe(0);
    expect(fake.puts).toHaveLength(3);
    expect(second.stdout.trim().split('\n').map((l) => l.split(';')[0])).toEqual(['lines-in: unchanged', 'shouted-db: unchanged', 'shouted-out: unchanged']);
  });

  it('substitutes secrets from its environment when asked, and refuses when one is unset', async () => {
    const missing = await applyIn(dir, { CONNECT_URL: fake.url, CONNECT_SECRETS: 'substitute' });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('SHOP_DB_PASSWORD');
    const before = fake.puts.length;
    const r = await applyIn(dir, { CONNECT_URL: fake.url, CONNECT_SECRETS: 'substitute', SHOP_DB_PASSWORD: 'pw-from-env' });
    expect(r.code).toBe(0);
    expect(fake.puts.slice(before).map((p) => [p.name, p.body['connection.password']])).toEqual([['shouted-db', 'pw-from-env']]);
    expect(r.stdout).toContain('shouted-db: updated');
  });

  it('exits 1 when a connector failed, and without CONNECT_URL', async () => {
    fake.state = 'FAILED';
    const r = await applyIn(dir, { CONNECT_URL: fake.url });
    fake.state = 'RUNNING';
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAILED');
    const none = await applyIn(dir, {});
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('CONNECT_URL');
  });
});
