import ts from 'typescript';

/** Lib files parsed once for the whole test file: parsing lib.es2022 dominates each check. */
const libFiles = new Map<string, ts.SourceFile | undefined>();

const OPTIONS: ts.CompilerOptions = {
  strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], types: [],
};

/**
 * Type-checks declarations plus usage lines in memory and returns the error messages (empty when
 * they compile), so a test proves which values a generated type admits and which it rejects.
 */
export function typeErrors(declarations: string, usage: string): string[] {
  const fileName = '/virtual/check.ts';
  const source = `${declarations}\n${usage}\n`;
  const host = ts.createCompilerHost(OPTIONS);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => (f === fileName ? source : readFile(f));
  host.fileExists = (f) => f === fileName || ts.sys.fileExists(f);
  host.getSourceFile = (f, lang, ...rest) => {
    if (f === fileName) return ts.createSourceFile(f, source, lang);
    if (!libFiles.has(f)) libFiles.set(f, getSourceFile(f, lang, ...rest));
    return libFiles.get(f);
  };
  const program = ts.createProgram([fileName], OPTIONS, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}
