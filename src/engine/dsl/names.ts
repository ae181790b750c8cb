/** Processor and store names: the user's (design node) name when given, else a Kafka-style generated one. */
import type { TopologySpec } from '../core/topology-spec';
import { Grouped, Materialized, Named, pick } from './config';

export function nameFrom(spec: TopologySpec, args: unknown[], prefix: string): string {
  const named = pick(args, Named);
  if (named) return spec.uniqueName(named.name);
  const grouped = pick(args, Grouped);
  if (grouped?.name) return spec.uniqueName(grouped.name);
  const mat = pick(args, Materialized);
  if (mat?.storeName) return spec.uniqueName(mat.storeName);
  return spec.generatedName(prefix);
}

export function storeNameFrom(spec: TopologySpec, args: unknown[], fallback: string): string {
  const mat = pick(args, Materialized);
  return mat?.storeName ?? (spec.stores.has(`${fallback}-store`) ? spec.uniqueName(`${fallback}-store`) : `${fallback}-store`);
}
