/**
 * Every export of the library (src/index.ts, and imsim/vitest) has a doc comment, read by the
 * TypeScript compiler as an editor shows it on hover: a new export without one fails here.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const entries = ['src/index.ts', 'src/regression/vitest.ts'];
const program = ts.createProgram(entries, { allowImportingTsExtensions: true, noEmit: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, strict: true, skipLibCheck: true, types: [] });
const checker = program.getTypeChecker();

function undocumented(entry: string): string[] {
  const source = program.getSourceFile(entry);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`cannot read the exports of ${entry}`);
  return checker
    .getExportsOfModule(module)
    .filter((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return ts.displayPartsToString(target.getDocumentationComment(checker)).trim() === '';
    })
    .map((symbol) => symbol.name)
    .sort();
}

describe('the library', () => {
  it.each(entries)('documents every export of %s', (entry) => {
    expect(undocumented(entry)).toEqual([]);
  });
});
