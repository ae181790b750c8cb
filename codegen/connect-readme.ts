/** What a generated project says about its connectors: the npm script, the README section, .env.example lines. */
import { configOf, connectorOf } from '../src/model/connectors/index';
import type { TopologyDocument } from '../src/model/types';
import { connectorFileName, connectorNodes, secretVariables } from './connect-files';

export function connectScripts(doc: TopologyDocument): Record<string, string> {
  return connectorNodes(doc).length ? { 'connect:apply': 'node connect/apply.mjs' } : {};
}

export function connectReadme(doc: TopologyDocument): string {
  const nodes = connectorNodes(doc);
  if (!nodes.length) return '';
  const rows = nodes.map((n) => {
    const spec = connectorOf(n)!;
    const topics = spec.topicsOf(configOf(n))?.join(', ') ?? '(see its config)';
    return `| \`${n.name}\` | ${spec.label} (\`${spec.className}\`) | ${spec.direction === 'source' ? 'writes' : 'reads'} ${topics} | \`connect/${connectorFileName(n.name)}\` |`;
  });
  const secrets = secretVariables(doc);
  const fileConnectors = nodes.filter((n) => connectorOf(n)!.local);
  return `
## Kafka Connect connectors

| connector | type | topics | config |
| --- | --- | --- | --- |
${rows.join('\n')}

Each \`connect/<name>.json\` is the body of Connect's \`PUT /connectors/<name>/config\`.
\`CONNECT_URL=http://localhost:8083 npm run connect:apply\` applies them all: a connector whose config on
the cluster already is the file's is left alone, any other is created or updated; then each
connector's status is printed (the command exits 1 if one failed). Running it again changes nothing.

Secrets are never in these files: they are config provider references \`\${env:NAME}\`${secrets.length ? ` (here: ${secrets.map((s) => `\`${s}\``).join(', ')})` : ''}.
The Connect worker resolves them from its own environment when it has the env provider (Kafka 3.5+):

\`\`\`properties
config.providers=env
config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider
\`\`\`

For a worker without it, \`CONNECT_SECRETS=substitute npm run connect:apply\` fills them in from the
environment of the command before sending (Connect then keeps the values in its config topic).
${fileConnectors.length ? `
Local mode (\`npm start\` without \`KAFKA_BROKERS\`) runs the file connectors in place of Connect: a file
source's lines (relative to this folder) are its topic's input instead of \`samples/\`, and a file
sink's file gets the values of its topics, one line each (started afresh at each run). See
\`src/connectors.ts\`.
` : ''}`;
}

export function connectEnvExample(doc: TopologyDocument): string {
  if (!connectorNodes(doc).length) return '';
  const secrets = secretVariables(doc);
  return `# Kafka Connect REST API for npm run connect:apply, e.g. http://localhost:8083
CONNECT_URL=
# worker (default): the Connect worker resolves \${env:NAME} secrets; substitute: connect:apply fills them in from here
CONNECT_SECRETS=worker
${secrets.length ? `# Secrets the connectors name (set them where they are resolved: the worker, or here with CONNECT_SECRETS=substitute)\n${secrets.map((s) => `${s}=`).join('\n')}\n` : ''}`;
}
