/**
 * generateProject(design, engineSources) -> Map<path, text>: the runnable TypeScript project.
 * Pure: the caller passes the engine's source files (Node reads src/engine; the browser bundles them),
 * so the project vendors exactly the engine the preview runs.
 */
import type { TopologyDocument } from '../src/model/types';
import { DOCKERFILE, MAIN_TS, TSCONFIG, envExample, packageJson, readme, settingsFile, sourceTopicsOf } from './project-files';
import { BUILD_SCRIPT, BUILD_SCRIPT_PATH } from './build-script';
import { checkProjectPath } from './project-paths';
import { connectFiles } from './connect-files';
import { testFiles, type PreviewOutputs } from './test-files';
import { typesFile } from './schema-files';
import { printTopology } from './topology-file';
import { topicFilePath } from '../src/engine';

export interface GenerateOptions {
  /** What the preview emitted per sink topic: the project's one test case when the design has none. */
  expectedOutputs?: PreviewOutputs;
}

export function generateProject(doc: TopologyDocument, engineSources: Map<string, string>, options: GenerateOptions = {}): Map<string, string> {
  const files = new Map<string, string>();
  files.set('package.json', packageJson(doc));
  files.set('tsconfig.json', TSCONFIG);
  files.set('README.md', readme(doc));
  files.set('.env.example', envExample(doc));
  files.set('.gitignore', 'node_modules/\ndist/\nout/\n.env\n');
  files.set('Dockerfile', DOCKERFILE);
  files.set(BUILD_SCRIPT_PATH, BUILD_SCRIPT);
  files.set('src/topology.ts', printTopology(doc));
  const types = typesFile(doc);
  if (types !== null) files.set('src/types.ts', types);
  files.set('src/settings.ts', settingsFile(doc));
  files.set('src/main.ts', MAIN_TS);
  for (const [path, text] of [...engineSources].sort(([a], [b]) => a.localeCompare(b))) {
    if (path.endsWith('.md')) continue;
    files.set(`src/streams/${path}`, text);
  }
  for (const topic of sourceTopicsOf(doc)) {
    const records = (Object.hasOwn(doc.samples, topic) ? doc.samples[topic] : undefined) ?? [];
    files.set(topicFilePath('samples', topic), records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : ''));
  }
  for (const [path, text] of testFiles(doc, options.expectedOutputs)) files.set(path, text);
  for (const [path, text] of connectFiles(doc)) files.set(path, text);
  for (const path of files.keys()) checkProjectPath(path);
  return files;
}
