// The commands the checker tries in a state: of a person's answers, only those that can change
// something in this act; of a rule's topic words, one. Played along the real story's longest
// walkthrough, every `ask`/`tell` tried has an answer for its topic (or the default) that this
// act allows and that acts, and no two words tried reach the same rule.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { loadContent } from '../../src/content/load.js';
import { commandsFor } from '../../src/check/index.js';
import { step } from '../../src/engine/step.js';
import { initialState } from '../../src/engine/state.js';
import { inAct } from '../../src/engine/conditions.js';
import type { Rule, State } from '../../src/engine/types.js';
import { REPO } from './helpers.js';

const world = loadContent(join(REPO, 'content'));
const walkthrough = readFileSync(join(REPO, 'tests/playthroughs/ending-balance.txt'), 'utf8')
  .split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2));

const acts = (s: State, rs: Rule[] | undefined) => (rs ?? []).some((r) => inAct(r.if, s) && !!r.do?.length);

/** The person and topic word of `ask leo about home`. */
function parse(c: string): { kind: 'ask' | 'tell'; who: string; word: string } | null {
  const m = /^(ask|tell) (.+) about (\S+)$/.exec(c);
  return m ? { kind: m[1] as 'ask' | 'tell', who: m[2]!, word: m[3]! } : null;
}

describe('the commands the checker tries', () => {
  it('ask and tell only where an answer this act allows acts; the rest of a conversation is words', () => {
    let s: State = initialState(world, 0);
    let asked = 0;
    let skipped = 0;
    for (const line of walkthrough) {
      const cs = commandsFor(world, s);
      const all = new Set(commandsFor(world, s, { allCommands: true }));
      for (const c of all) {
        const p = parse(c);
        if (!p) continue;
        const ch = Object.values(world.characters).find((x) => x.words.includes(p.who.split(' ').at(-1)!));
        expect(ch, c).toBeDefined();
        const map = ch![p.kind] ?? {};
        const key = Object.keys(map).find((k) => (world.topics[k]?.words[0] ?? world.characters[k]?.words[0] ?? world.items[k]?.words[0]) === p.word);
        const answers = acts(s, key ? map[key] : undefined) || acts(s, map.default) || acts(s, map.unseen);
        if (cs.includes(c)) {
          asked++;
          expect(answers, `${c} in act ${s.act}`).toBe(true);
        } else if (!answers) skipped++;
      }
      s = step(world, s, line).state;
    }
    expect(asked).toBeGreaterThan(100);
    // Most of what could be asked is only words: the reason for the rule.
    expect(skipped).toBeGreaterThan(asked);
  });
});
