import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_LINE, parse, VERBS } from '../../src/parser/index.js';
import { DIRECTIONS } from '../../src/engine/types.js';
import { all, one, vocab } from './helpers.js';

describe('unknown words and verbs', () => {
  it('an unknown first word is an unknown verb', () => {
    expect(one('flibber the key')).toEqual({ kind: 'error', message: 'parse.unknown_verb', params: { word: 'flibber' } });
  });
  it('an unknown word in a noun phrase', () => {
    expect(one('take the golden blorb')).toEqual({ kind: 'error', message: 'parse.unknown_word', params: { word: 'golden' } });
    expect(one('put key in blorb')).toEqual({ kind: 'error', message: 'parse.unknown_word', params: { word: 'blorb' } });
    expect(one('take all except blorb')).toEqual({ kind: 'error', message: 'parse.unknown_word', params: { word: 'blorb' } });
  });
  it('articles, pronouns, ordinals and prepositions are not unknown', () => {
    expect(one('take the second one').kind).toBe('action');
    expect(one('examine the bag of coins').kind).toBe('action');
    expect(one('take it').kind).toBe('action');
  });
  it('topics are left to the engine', () => {
    expect(one('ask mia about zorblax')).toMatchObject({ kind: 'action', verb: 'ask', topic: 'zorblax' });
    expect(one('tell leo about quux')).toMatchObject({ kind: 'action', topic: 'quux' });
    expect(one('say frobnicate')).toMatchObject({ kind: 'action', topic: 'frobnicate' });
    expect(one('think about zeppelins')).toMatchObject({ kind: 'action', topic: 'zeppelins' });
    expect(one('remember grandma')).toMatchObject({ kind: 'action', topic: 'grandma' });
    expect(one('imagine a purple zeppelin')).toMatchObject({ kind: 'action', verb: 'imagine', topic: 'a purple zeppelin' });
    expect(one('go to narnia')).toMatchObject({ kind: 'action', verb: 'go_to', topic: 'narnia' });
  });
  it('emoji are just unknown words', () => {
    expect(one('🙂')).toEqual({ kind: 'error', message: 'parse.unknown_verb', params: { word: '🙂' } });
    expect(one('take 🗝️')).toEqual({ kind: 'error', message: 'parse.unknown_word', params: { word: '🗝️' } });
    expect(one('say 🌙 to mia')).toMatchObject({ kind: 'action', verb: 'say', topic: '🌙' });
  });
  it('object-prototype names are ordinary unknown words', () => {
    expect(one('constructor')).toEqual({ kind: 'error', message: 'parse.unknown_verb', params: { word: 'constructor' } });
    expect(one('take __proto__')).toEqual({ kind: 'error', message: 'parse.unknown_word', params: { word: '__proto__' } });
    expect(one('go constructor')).toMatchObject({ kind: 'action', verb: 'go_to', topic: 'constructor' });
  });
  it('a known verb with words that fit no grammar line', () => {
    expect(one('take up')).toEqual({ kind: 'error', message: 'parse.bad_grammar', params: { verb: 'take' } });
    expect(one('listen lamp')).toEqual({ kind: 'error', message: 'parse.bad_grammar', params: { verb: 'listen' } });
    expect(one('listen blorb')).toEqual({ kind: 'error', message: 'parse.unknown_word', params: { word: 'blorb' } });
  });
});

describe('missing nouns', () => {
  it.each(['take', 'examine', 'open', 'hug', 'give', 'put', 'delete'])('%s alone', (verb) => {
    expect(one(verb)).toEqual({ kind: 'error', message: 'parse.missing_noun', params: { verb } });
  });
  it('x alone asks about examining, not about "x"', () => {
    expect(one('x')).toEqual({ kind: 'error', message: 'parse.missing_noun', params: { verb: 'examine' } });
  });
  it('articles alone are a missing noun, and the answer goes where the noun was', () => {
    expect(one('take the')).toEqual({ kind: 'error', message: 'parse.missing_noun', params: { verb: 'take', answer: 'take {}' } });
  });
  it('keeps the typed verb words', () => {
    expect(one('look at')).toEqual({ kind: 'error', message: 'parse.missing_noun', params: { verb: 'look at' } });
    expect(one('pick up')).toEqual({ kind: 'error', message: 'parse.missing_noun', params: { verb: 'pick up' } });
  });
  it('put and give need a second noun', () => {
    expect(one('put key')).toEqual({ kind: 'error', message: 'parse.missing_second', params: { verb: 'put', noun: 'key', prep: 'in' } });
    expect(one('put the key')).toEqual({ kind: 'error', message: 'parse.missing_second', params: { verb: 'put', noun: 'the key', prep: 'in' } });
    expect(one('give lamp')).toEqual({ kind: 'error', message: 'parse.missing_second', params: { verb: 'give', noun: 'lamp', prep: 'to' } });
    expect(one('show lamp')).toMatchObject({ message: 'parse.missing_second', params: { prep: 'to' } });
    expect(one('tie rope')).toMatchObject({ message: 'parse.missing_second', params: { prep: 'to' } });
  });
  it('unlock without a key is fine', () => {
    expect(one('unlock the door')).toMatchObject({ kind: 'action', verb: 'unlock' });
  });
});

describe('long lines', () => {
  it('a 10,000-character line does not throw, is quick and says it was cut', () => {
    const line = 'x'.repeat(10_000);
    const t0 = performance.now();
    const result = parse(line, vocab);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(result.commands).toEqual([{ kind: 'error', message: 'parse.too_long' }]);
  });
  it('keeps the whole commands before the cut and ends with parse.too_long', () => {
    const line = 'look. '.repeat(2000);
    const t0 = performance.now();
    const cs = parse(line, vocab).commands;
    expect(performance.now() - t0).toBeLessThan(500);
    expect(cs.at(-1)).toEqual({ kind: 'error', message: 'parse.too_long' });
    expect(cs.length).toBe(Math.ceil(MAX_LINE / 'look. '.length));
    expect(cs.slice(0, -1).every((c) => c.kind === 'action' && c.verb === 'look')).toBe(true);
  });
  it('a long noun phrase stays fast', () => {
    const line = `take ${'key '.repeat(3000)}`;
    const t0 = performance.now();
    expect(parse(line, vocab).commands).toEqual([{ kind: 'error', message: 'parse.too_long' }]);
    expect(performance.now() - t0).toBeLessThan(500);
  });
  it('worst-case grammar shapes stay fast', () => {
    for (const body of ['tell mia to '.repeat(90), 'give the key '.repeat(80), 'put key in '.repeat(95), 'ask mia about to '.repeat(60)]) {
      const line = body.slice(0, MAX_LINE);
      const t0 = performance.now();
      expect(parse(line, vocab).commands.length).toBe(1);
      expect(performance.now() - t0, body.slice(0, 20)).toBeLessThan(150);
    }
  });
  it('a line of exactly MAX_LINE characters is not cut', () => {
    const line = `examine ${'key '.repeat(400)}`.slice(0, MAX_LINE);
    expect(line.length).toBe(MAX_LINE);
    expect(parse(line, vocab).commands[0]).toMatchObject({ kind: 'action', verb: 'examine' });
  });
});

const ERROR_IDS = ['parse.empty', 'parse.unknown_word', 'parse.unknown_verb', 'parse.missing_noun',
  'parse.missing_second', 'parse.bad_grammar', 'parse.too_long', 'parse.no_direction'];
const META_IDS = VERBS.filter((v) => v.meta).map((v) => v.id);
const ACTION_IDS = VERBS.filter((v) => !v.meta).map((v) => v.id);

// Cc is the Unicode "control" category: C0, DEL and C1, including ESC.
const CONTROL = /\p{Cc}/u;

describe('control characters and escape sequences', () => {
  it('strips ANSI colour codes', () => {
    expect(all('look\u001b[31m')).toEqual([{ kind: 'action', verb: 'look', input: 'look' }]);
    expect(all('\u001b[1;32mtake\u001b[0m the \u001b[4mkey')).toEqual([
      { kind: 'action', verb: 'take', dobj: { text: 'the key', words: ['key'] }, input: 'take the key' },
    ]);
  });
  it('strips OSC sequences, bare ESC, bells, NUL and C1 controls', () => {
    const json = JSON.stringify(all('\u001b]0;pwned\u0007lo\u0000ok\u0007 \u009b2J\u001b'));
    expect(json).toBe(JSON.stringify([{ kind: 'action', verb: 'look', input: 'look' }]));
  });
  it('turns tabs and newlines into spaces', () => {
    expect(all('take\tthe\nkey\r\n')).toEqual([
      { kind: 'action', verb: 'take', dobj: { text: 'the key', words: ['key'] }, input: 'take the key' },
    ]);
  });
  it('no ESC anywhere in the output, even in save names and quotes', () => {
    const cs = all('save \u001b[31mRed\u001b[0m. say "\u001b]8;;http://x\u0007hi\u001b]8;;\u0007". oops \u001bkey');
    const json = JSON.stringify(cs);
    expect(json).not.toMatch(/\\u001b|\u001b|\\u0007/);
    expect(cs[0]).toEqual({ kind: 'meta', verb: 'save', arg: 'Red' });
    expect(cs[1]).toMatchObject({ verb: 'say', topic: 'hi' });
  });

  it('property: parse never throws and never returns a control character', () => {
    const pieces = fc.constantFrom('look', 'take', 'the', 'key', 'mia', ',', '.', ' then ', '"', ' ', '\u001b[', '31m',
      '\u0000', '\u009b', '\n', 'all', 'except', 'and', 'say', 'tell', 'to', 'go', 'n', 'save', 'Mia', '2nd', '🙂', '\u202e', 'constructor', '__proto__');
    const line = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(pieces, { maxLength: 40 }).map((xs) => xs.join(' ')),
      fc.array(fc.oneof(pieces, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 60 }).map((xs) => xs.join('')),
    );
    fc.assert(fc.property(line, (input) => {
      const { commands } = parse(input, vocab, { characters: ['mia', 'leo'] });
      expect(commands.length).toBeGreaterThan(0);
      expect(strings(commands).filter((s) => CONTROL.test(s))).toEqual([]);
      for (const c of commands) {
        if (c.kind === 'error') expect(ERROR_IDS).toContain(c.message);
        if (c.kind === 'meta') expect(META_IDS).toContain(c.verb);
        if (c.kind === 'action') {
          expect(ACTION_IDS).toContain(c.verb);
          if (c.direction !== undefined) expect(DIRECTIONS).toContain(c.direction);
          expect(c.input).toBe(c.input.trim());
        }
      }
    }), { numRuns: 2000 });
  });
});

/** Every string anywhere inside a value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('save names that look like paths', () => {
  it('are kept whole so that the game can refuse them by name', () => {
    expect(all('save ../x')).toEqual([{ kind: 'meta', verb: 'save', arg: '../x' }]);
    expect(all('restore /etc/passwd')).toEqual([{ kind: 'meta', verb: 'restore', arg: '/etc/passwd' }]);
  });
});
