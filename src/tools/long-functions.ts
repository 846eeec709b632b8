// Lists the functions in src longer than a limit (60 lines): declarations, methods, arrow
// functions and function expressions, found with the TypeScript compiler API. A function's
// length runs from its first line to its last, nested functions included.
// Run: npm run -s long-functions [-- --all] (exits 1 when a function not in ALLOWED is too long).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const MAX_LINES = 60;

/** Functions allowed to run longer, as `path:name`: the checker's parallel search loop. */
export const ALLOWED = new Set(['src/check/parallel.ts:search']);

export interface FunctionLength {
  /** Path from the repository root, with forward slashes. */
  file: string;
  name: string;
  line: number;
  lines: number;
}

/** A readable name for a function node: its own, or that of what it is assigned to. */
function nameOf(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name) {
    return parent.name.getText(source);
  }
  return '(anonymous)';
}

function isFunction(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node)
    || ts.isFunctionExpression(node) || ts.isConstructorDeclaration(node)
    || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node);
}

/** The length of every function with a body in one file's text. */
export function functionLengths(file: string, text: string): FunctionLength[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: FunctionLength[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunction(node) && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({ file, name: nameOf(node, source), line: first + 1, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry) && !entry.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every function under `root`/src, longest first. */
export function scan(root: string): FunctionLength[] {
  return sourceFiles(join(root, 'src'))
    .flatMap((path) => functionLengths(relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8')))
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file) || a.line - b.line);
}

/** The functions over MAX_LINES that ALLOWED does not name. */
export function tooLong(found: FunctionLength[]): FunctionLength[] {
  return found.filter((f) => f.lines > MAX_LINES && !ALLOWED.has(`${f.file}:${f.name}`));
}

function main(argv: string[]): void {
  const root = join(fileURLToPath(import.meta.url), '../../..');
  const found = scan(root);
  const shown = argv.includes('--all') ? found.filter((f) => f.lines > MAX_LINES) : tooLong(found);
  for (const f of shown) {
    const mark = ALLOWED.has(`${f.file}:${f.name}`) ? ' (allowed)' : '';
    console.log(`${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}${mark}`);
  }
  const bad = tooLong(found).length;
  console.log(bad ? `${bad} functions over ${MAX_LINES} lines` : `no function over ${MAX_LINES} lines outside ${[...ALLOWED].join(', ')}`);
  if (bad) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
