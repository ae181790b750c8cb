/** The paths of a generated project's files: every one must stay inside the project folder. */
import { CodegenError } from './print-expr';

/** The path itself when it is relative, '/'-separated and has no empty, '.' or '..' segment; else a CodegenError. */
export function checkProjectPath(path: string): string {
  const segments = path.split('/');
  if (/[\\:]/.test(path) || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new CodegenError(`refusing to write ${JSON.stringify(path)}: the path would not stay inside the project folder`);
  }
  return path;
}

/** A folder name for the project (zip download, package name): lower-case [a-z0-9._-], never starting with '.' or '_'. */
export function projectFolderName(appName: string): string {
  return appName.toLowerCase().replace(/[^a-z0-9._-]/g, '-').replace(/^[._]/, 'app-') || 'app';
}
