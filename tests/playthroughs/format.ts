// Reads a scripted playthrough: `> command` lines, each followed by lines its reply must contain
// (a plain line is a substring, `/…/` a regex, a leading `!` negates). `#` starts a comment;
// `# seed: N` sets the seed.
export interface Expectation {
  negate: boolean;
  text?: string;
  regex?: RegExp;
  line: number;
}

export interface Step {
  command: string;
  line: number;
  expect: Expectation[];
}

export interface Playthrough {
  seed: number;
  opening: Expectation[];
  steps: Step[];
}

export function parsePlaythrough(src: string): Playthrough {
  const out: Playthrough = { seed: 0, opening: [], steps: [] };
  src.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    const n = i + 1;
    const seed = /^#\s*seed:\s*(-?\d+)/.exec(line);
    if (seed) out.seed = Number(seed[1]);
    if (!line.trim() || line.startsWith('#')) return;
    if (line.startsWith('>')) {
      out.steps.push({ command: line.slice(1).trim(), line: n, expect: [] });
      return;
    }
    let body = line.trim();
    const negate = body.startsWith('!');
    if (negate) body = body.slice(1).trim();
    const re = /^\/(.*)\/([imsu]*)$/.exec(body);
    const e: Expectation = re ? { negate, regex: new RegExp(re[1], re[2]), line: n } : { negate, text: body, line: n };
    (out.steps.length ? out.steps[out.steps.length - 1].expect : out.opening).push(e);
  });
  return out;
}

/** The failures of one reply against its expectations, as readable lines. */
export function check(reply: string, expect: Expectation[], where: string): string[] {
  const fails: string[] = [];
  const flat = reply.replace(/\s+/g, ' ');
  for (const e of expect) {
    const hit = e.regex ? e.regex.test(reply) : flat.toLowerCase().includes(e.text!.replace(/\s+/g, ' ').toLowerCase());
    if (hit === e.negate) fails.push(`${where} line ${e.line}: expected ${e.negate ? 'no ' : ''}${e.regex ?? JSON.stringify(e.text)} in:\n${reply}`);
  }
  return fails;
}
