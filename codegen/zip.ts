/** Packs generated files into a .zip (fflate), under a folder named after the app (a safe folder name, never "../"). */
import { strToU8, zipSync } from 'fflate';
import { checkProjectPath, projectFolderName } from './project-paths';

export function zipProject(name: string, files: Map<string, string>): Uint8Array {
  const folder = projectFolderName(name);
  const tree: Record<string, Uint8Array> = Object.create(null);
  for (const [path, text] of files) tree[`${folder}/${checkProjectPath(path)}`] = strToU8(text);
  return zipSync(tree, { level: 6 });
}
