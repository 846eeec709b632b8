// The action pipeline (instead, check, carry out, after/report), orders carried out, actions'
// own `all` and ambiguity preferences, and the story's grammar (content/grammar.yaml).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent, ContentError } from '../../src/content/load.js';
import { STANDARD_RULE_NAMES } from '../../src/engine/actions/index.js';
import { game } from './helpers.js';
import { makeTemp } from '../temp.js';

const MINI = join(import.meta.dirname, '../fixtures/mini');
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the mini story with files added or appended to. */
function story(files: Record<string, string>, append: Record<string, string> = {}): string {
  const dir = makeTemp('nanodream-pipeline-');
  made.push(dir);
  cpSync(MINI, dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  for (const [f, text] of Object.entries(append)) appendFileSync(join(dir, f), text);
  return dir;
}

const loadError = (dir: string): string => {
  try {
    loadContent(dir);
  } catch (e) {
    if (e instanceof ContentError) return e.message;
    throw e;
  }
  return '';
};

describe('content rules by stage', () => {
  const dir = story({});
  mkdirSync(join(dir, 'items'));
  writeFileSync(join(dir, 'items/stone.yaml'), `
stone:
  name: heavy stone
  words: [stone]
  adjectives: [heavy]
  location: hall
  description: A heavy stone.
  verbs:
    take:
      - stage: check
        if: { notFlag: strong }
        say: The stone will not budge.
      - stage: after
        say: You heave the stone up with both arms.
    drop:
      - stage: after
        say: The stone thuds down.
        do: [ { set: dropped_stone } ]
    eat:
      - say: You are not that hungry.
`);
  const w = loadContent(dir);

  it('a check rule runs after the standard checks and stops the action', () => {
    const g = game(w);
    expect(g.say('take stone')).toBe('The stone will not budge.');
    expect(g.say('i')).not.toMatch(/stone/);
  });

  it('the standard checks come first: a check rule is not reached when the action could not happen anyway', () => {
    const g = game(w);
    expect(g.say('drop stone')).toBe('You are not holding the heavy stone.');
  });

  it('an after rule replaces the standard report once the action is carried out', () => {
    const g = game(w);
    g.host.session.state.flags.strong = true;
    expect(g.say('take stone')).toBe('You heave the stone up with both arms.');
    expect(g.say('i')).toMatch(/heavy stone/);
    expect(g.say('drop stone')).toBe('The stone thuds down.');
    expect(g.host.session.state.flags.dropped_stone).toBe(true);
  });

  it('an instead rule (the default stage) replaces the action before any check', () => {
    const g = game(w);
    expect(g.say('eat stone')).toBe('You are not that hungry.');
  });
});

describe('standard rules turned off by name', () => {
  it('every standard rule has a distinct dotted name', () => {
    expect(STANDARD_RULE_NAMES.has('take.check.portable')).toBe(true);
    expect(STANDARD_RULE_NAMES.has('open.check.locked')).toBe(true);
    for (const name of STANDARD_RULE_NAMES) expect(name).toMatch(/^[a-z_]+\.(check|carry_out|report)(\.[a-z_]+)?$/);
  });

  it('`off:` in grammar.yaml removes a rule from play', () => {
    const dir = story({ 'grammar.yaml': 'off: [take.check.portable]\n' });
    const g = game(loadContent(dir));
    expect(g.say('take mat')).toBe('You take the mat.');
    const plain = game();
    expect(plain.say('take mat')).not.toBe('You take the mat.');
  });

  it('an unknown rule name is a load error naming the file and the field', () => {
    const dir = story({ 'grammar.yaml': 'off: [take.check.portabel]\n' });
    expect(loadError(dir)).toMatch(/grammar\.yaml: field "off\.0": there is no standard rule "take\.check\.portabel"/);
  });
});

describe('orders', () => {
  const dir = story({}, {
    'characters/bob.yaml': `
  take: [ { if: { act: 1 }, say: '"Sure," says Bob.', obey: true } ]
  drop: [ { say: '"Okay."', obey: true } ]
`,
  });
  const w = loadContent(dir);

  it('a character who agrees carries out the same action, through the same rules', () => {
    const g = game(w);
    expect(g.say('bob, take the apple')).toBe('"Sure," says Bob.\n\nBob takes the apple.');
    expect(g.host.session.state.loc.apple).toBe('bob');
    // The same check rules apply to him: he cannot take what he already has.
    expect(g.say('bob, take apple')).toBe('"Sure," says Bob.\n\nBob already has the apple.');
    expect(g.say('tell bob to drop the apple')).toBe('"Okay."\n\nBob puts down the apple.');
    expect(g.host.session.state.loc.apple).toBe('hall');
  });

  it('an order with no rule that agrees is refused, and nothing happens', () => {
    const g = game(w);
    expect(g.say('bob, eat the apple')).toMatch(/does not feel like being told/);
    expect(g.host.session.state.loc.apple).toBe('hall');
  });
});

describe('preferences are the action’s own', () => {
  it('take prefers the one not yet held; drop the one held', () => {
    const g = game();
    // Both keys are named "key" once the silver one is found.
    g.say('look under mat');
    expect(g.say('take glass key')).toBe('You take the glass key.');
    expect(g.say('take key')).toBe('You take the silver key.');
    expect(g.say('drop silver key')).toBe('You put down the silver key.');
    expect(g.say('drop key')).toBe('You put down the glass key.');
  });

  it('take all with nothing to take says so for taking', () => {
    const g = game();
    g.run('take all');
    expect(g.say('take all')).toBe('There is nothing here to take.');
    expect(g.say('e')).toMatch(/Study/);
  });
});

describe('the story’s own grammar', () => {
  const dir = story({
    'grammar.yaml': `
verbs:
  juggle:
    usage: juggle THING
    grammar: [juggle NOUN, toss NOUN up]
    help: Juggles things.
    thing: You juggle {thing} badly.
  whistle:
    usage: whistle
    grammar: [whistle]
    help: Whistles.
    reply: You whistle.
synonyms:
  take: [nab NOUN]
`,
  });
  const w = loadContent(dir);

  it('a new verb works with its default reply, and HELP knows it', () => {
    const g = game(w);
    expect(g.say('juggle the apple')).toBe('You juggle the apple badly.');
    expect(g.say('toss apple up')).toBe('You juggle the apple badly.');
    expect(g.say('whistle')).toBe('You whistle.');
    expect(g.say('help juggle')).toMatch(/juggle THING[\s\S]*Juggles things/);
  });

  it('a synonym runs the existing action', () => {
    const g = game(w);
    expect(g.say('nab apple')).toBe('You take the apple.');
  });

  it('a rule keyed by a verb no grammar line makes is a load error naming the file and the key', () => {
    const bad = story({}, {
      'rooms/r.yaml': `
cellar:
  name: Cellar
  region: house
  description: Dark.
  verbs:
    look_behnd: [ { say: Nothing. } ]
`,
    });
    expect(loadError(bad)).toMatch(/rooms\/r\.yaml: field "cellar\.verbs\.look_behnd": no grammar line makes the action "look_behnd"/);
  });

  it('a bad grammar line, a verb without its reply, and a synonym of nothing are load errors', () => {
    const bad = story({
      'grammar.yaml': `
verbs:
  hop_about:
    usage: hop about
    grammar: [NOUN hop]
    help: Hops.
  ponder_deeply:
    usage: ponder deeply THING
    grammar: [ponder deeply NOUN]
    help: Ponders.
  take:
    usage: take
    grammar: [take NOUN]
    help: no
    thing: no
synonyms:
  fly: [fly away]
`,
    });
    const err = loadError(bad);
    expect(err).toMatch(/field "verbs\.hop_about\.grammar\.0": the line "NOUN hop" must start with a word/);
    expect(err).toMatch(/field "verbs\.ponder_deeply\.thing": a line takes a NOUN/);
    expect(err).toMatch(/field "verbs\.take": "take" is a standard action/);
    expect(err).toMatch(/field "synonyms\.fly": there is no action "fly"/);
  });
});
