// A scanner for text a player could see: finds leaks of the machinery (ids, undefined, stack traces).
// Other tests run every walkthrough and the random play through it.

export interface ScanOptions {
  /** Exact ids to flag wherever they appear as a whole word (message ids, room and item ids). */
  ids?: Iterable<string>;
}

// Dotted words that are ordinary in English or in file names a player is shown.
const DOTTED_OK = new Set(['e.g', 'i.e', 'etc']);
const FILE_ENDINGS = new Set(['txt', 'json', 'yaml', 'yml', 'md', 'js', 'ts', 'log', 'com', 'org', 'net', 'io', 'dev']);

const RULES: { what: string; re: RegExp }[] = [
  { what: '"undefined"', re: /\bundefined\b/ },
  { what: '"[object Object]"', re: /\[object \w+\]/ },
  { what: '"NaN"', re: /\bNaN\b/ },
  { what: 'an empty template value', re: /\{(?:[a-z]\w*)?\}/ },
  { what: 'a stack trace line', re: /^\s*at (?:.+ \()?(?:file:\/\/|node:|\/|[A-Za-z]:\\)[^)]*:\d+(?::\d+)?\)?\s*$/m },
  { what: 'an error class name', re: /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|AssertionError|ZodError)\b/ },
  { what: 'a snake_case id', re: /(?<![\w/\\.-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/\\-])/ },
];

const DOTTED = /(?<![\w/\\.@-])([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+)(?![\w/\\-])/g;

const excerpt = (line: string) => (line.length > 120 ? `${line.slice(0, 117)}...` : line).trim();

/** Every problem found, one string each, naming what leaked and the line it is on. Empty: clean. */
export function findBadOutput(text: string, opts: ScanOptions = {}): string[] {
  const problems: string[] = [];
  const ids = [...(opts.ids ?? [])].filter((id) => id.length > 2);
  const idSet = new Set(ids);
  for (const line of text.split(/\r?\n/)) {
    for (const { what, re } of RULES) {
      const m = re.exec(line);
      if (m) problems.push(`${what} (${JSON.stringify(m[0].trim())}) in: ${excerpt(line)}`);
    }
    for (const m of line.matchAll(DOTTED)) {
      const word = m[1];
      const last = word.slice(word.lastIndexOf('.') + 1);
      if (DOTTED_OK.has(word) || FILE_ENDINGS.has(last)) continue;
      problems.push(`a dotted internal id (${JSON.stringify(word)}) in: ${excerpt(line)}`);
    }
    if (idSet.size) {
      for (const w of line.match(/[A-Za-z0-9_.]+/g) ?? []) {
        const bare = w.replace(/\.+$/, '');
        if (idSet.has(bare) && /[._]/.test(bare)) problems.push(`the internal id ${JSON.stringify(bare)} in: ${excerpt(line)}`);
      }
    }
  }
  return [...new Set(problems)];
}
