/** Packs generated files into a .zip (fflate), under a folder named after the app. */
import { strToU8, zipSync } from 'fflate';

export function zipProject(name: string, files: Map<string, string>): Uint8Array {
  const tree: Record<string, Uint8Array> = {};
  for (const [path, text] of files) tree[`${name}/${path}`] = strToU8(text);
  return zipSync(tree, { level: 6 });
}
