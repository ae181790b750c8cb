/**
 * connect/apply.mjs of a generated project (`npm run connect:apply`): plain Node 20 JavaScript, no
 * dependency. Kept as raw text (String.raw: its regexes keep their backslashes); ENV_REF stands for
 * the `${env:NAME}` spelling, which a template cannot hold.
 */
const SCRIPT = String.raw`// Applies the connectors of connect/*.json to a Kafka Connect cluster (npm run connect:apply).
// CONNECT_URL: the Connect REST API, e.g. http://localhost:8083.
// Idempotent: a connector whose config on the cluster already is the file's is left alone (not
// restarted); otherwise PUT /connectors/<name>/config creates or updates it. Then it prints each
// connector's status (GET /connectors/<name>/status) and exits 1 if one failed.
// Secrets are ENV_REF config provider references, resolved by the Connect worker, which needs
//   config.providers=env
//   config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider
// CONNECT_SECRETS=substitute replaces them from this process's environment before sending instead
// (for workers without that provider; Connect then keeps the values in its config topic).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const base = (process.env.CONNECT_URL ?? '').replace(/\/+$/, '');
const substitute = process.env.CONNECT_SECRETS === 'substitute';

function fail(message) {
  console.error('connect:apply: ' + message);
  process.exit(1);
}

function substituteEnv(config) {
  const out = {};
  for (const [key, value] of Object.entries(config)) {
    out[key] = value.replace(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name) => {
      if (process.env[name] === undefined) fail(key + ' needs the environment variable ' + name + ' (CONNECT_SECRETS=substitute)');
      return process.env[name];
    });
  }
  return out;
}

async function request(method, path, body) {
  const res = await fetch(base + path, { method, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json, text };
}

function sameConfig(a, b) {
  if (!a || typeof a !== 'object') return false;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && String(a[k]) === b[k]);
}

async function apply(config) {
  const path = '/connectors/' + encodeURIComponent(config.name) + '/config';
  const current = await request('GET', path);
  if (current.status === 200 && sameConfig(current.json, config)) return 'unchanged';
  const put = await request('PUT', path, config);
  if (put.status === 201) return 'created';
  if (put.status === 200) return 'updated';
  throw new Error('PUT ' + path + ': HTTP ' + put.status + ' ' + put.text);
}

async function status(name) {
  const r = await request('GET', '/connectors/' + encodeURIComponent(name) + '/status');
  if (r.status !== 200 || !r.json) return { line: 'no status yet (HTTP ' + r.status + ')', failed: false };
  const tasks = r.json.tasks ?? [];
  const failed = r.json.connector?.state === 'FAILED' || tasks.some((t) => t.state === 'FAILED');
  const taskText = tasks.length ? ', tasks: ' + tasks.map((t) => t.id + ' ' + t.state).join(', ') : ', no tasks yet';
  return { line: (r.json.connector?.state ?? 'UNKNOWN') + taskText, failed };
}

async function main() {
  if (!base) fail('set CONNECT_URL to the Kafka Connect REST API, e.g. CONNECT_URL=http://localhost:8083');
  let failed = false;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const config = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    try {
      const what = await apply(substitute ? substituteEnv(config) : config);
      const s = await status(config.name);
      failed ||= s.failed;
      console.log(config.name + ': ' + what + '; ' + s.line);
    } catch (e) {
      failed = true;
      console.error(config.name + ': ' + (e instanceof Error ? e.message : String(e)));
    }
  }
  if (failed) process.exit(1);
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
`;

export const CONNECT_APPLY = SCRIPT.replaceAll('ENV_REF', '${env:NAME}');
