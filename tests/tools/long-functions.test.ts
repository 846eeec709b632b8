// No function in src runs over 60 lines but the ones the tool names (src/tools/long-functions.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ALLOWED, MAX_LINES, functionLengths, scan, tooLong, type FunctionLength } from '../../src/tools/long-functions.js';

const REPO = join(import.meta.dirname, '../..');

describe('long functions', () => {
  let found: FunctionLength[] = [];
  beforeAll(() => {
    found = scan(REPO);
  });

  it('finds none over the limit in src outside the allowed list', () => {
    expect(found.length).toBeGreaterThan(100);
    expect(tooLong(found).map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`)).toEqual([]);
  });

  it('names every allowed function that is still there', () => {
    const names = new Set(found.map((f) => `${f.file}:${f.name}`));
    for (const allowed of ALLOWED) expect(names).toContain(allowed);
  });

  it('measures every kind of function, nested ones too, and flags one a line too long', () => {
    const body = (n: number) => Array.from({ length: n - 2 }, (_, i) => `  x += ${i};`).join('\n');
    const text = [
      `function declared() {\n${body(MAX_LINES + 1)}\n}`,
      `const arrow = () => {\n${body(MAX_LINES)}\n};`,
      `const expr = function () {\n${body(5)}\n};`,
      `class C {\n  method() {\n${body(4)}\n  }\n  get g() { return 1; }\n  constructor() { const inner = () => 2; }\n}`,
      `const o = { prop: () => 1 };`,
    ].join('\n');
    const lengths = functionLengths('src/x.ts', text);
    const by = Object.fromEntries(lengths.map((f) => [f.name, f.lines]));
    expect(by).toEqual({ declared: MAX_LINES + 1, arrow: MAX_LINES, expr: 5, method: 4, g: 1, constructor: 1, inner: 1, prop: 1 });
    expect(tooLong(lengths).map((f) => f.name)).toEqual(['declared']);
    expect(tooLong([{ file: 'src/check/parallel.ts', name: 'search', line: 1, lines: 500 }])).toEqual([]);
  });
});
