/**
 * Secrets in connector configs. The design never holds a password, token or key: it holds a Kafka
 * config provider reference, `${env:NAME}` (EnvVarConfigProvider, Kafka 3.5+) or any other
 * `${provider:[path:]key}`, which the Connect worker resolves when the connector starts (or which
 * `npm run connect:apply` substitutes from its own environment when asked to).
 */
import type { ConnectorSpec } from './spec';

/** One whole config provider reference: `${env:NAME}`, `${file:/path/file.properties:key}`, ... */
const REFERENCE = /^\$\{[A-Za-z][\w.-]*:[^{}]+\}$/;
const ENV_REFERENCE = /^\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}$/;
/** Key names that hold secrets whatever the connector (extra keys the descriptor does not list). */
const SECRET_NAME = /password|secret|token|credential|api[._-]?key|jaas|private[._-]?key/i;

export function isProviderReference(value: string): boolean {
  return REFERENCE.test(value.trim());
}

/** NAME of `${env:NAME}`, else null. */
export function envVariableOf(value: string): string | null {
  return ENV_REFERENCE.exec(value.trim())?.[1] ?? null;
}

export function envReference(name: string): string {
  return `\${env:${name}}`;
}

/** A legal environment variable name (what the inspector accepts for a secret). */
export function isEnvName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/** Whether a key holds a secret: the connector says so, or its name does. */
export function isSecretKey(spec: ConnectorSpec, key: string): boolean {
  return spec.keys.find((k) => k.name === key)?.secret === true || SECRET_NAME.test(key);
}

/** The config's secret keys that hold a value in clear (not a provider reference): an error of the checker. */
export function clearSecrets(spec: ConnectorSpec, config: Record<string, string>): string[] {
  return Object.keys(config).filter((k) => isSecretKey(spec, k) && config[k].trim() !== '' && !isProviderReference(config[k]));
}
