// HELP and its texts: one entry per command the parser knows, nothing else, each with an example.
import { describe, it, expect } from 'vitest';
import { VERBS } from '../../src/parser/verbs.js';
import { GameHost } from '../../src/host/host.js';
import { blocksToText } from '../../src/narrate/index.js';
import { findBadOutput } from '../../src/comforts/index.js';
import { help, miniWorld } from './helpers.js';

const EXTRAS = ['intro', 'about', 'credits'];
// Commands whose help needs no example: the command is the whole of it.
const NO_EXAMPLE = new Set(['about', 'credits']);

describe('help texts', () => {
  it('has help for every command the parser knows', () => {
    const missing = VERBS.map((v) => v.id).filter((id) => !help[id]?.trim());
    expect(missing).toEqual([]);
  });

  it('names no command that does not exist', () => {
    const ids = new Set(VERBS.map((v) => v.id));
    const strays = Object.keys(help).filter((k) => !ids.has(k) && !EXTRAS.includes(k));
    expect(strays).toEqual([]);
  });

  it('keeps each command short, in sentences, with something to type', () => {
    for (const v of VERBS) {
      if (NO_EXAMPLE.has(v.id)) continue;
      const text = help[v.id].trim();
      const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z"])/).length;
      expect(sentences, v.id).toBeGreaterThanOrEqual(1);
      expect(sentences, `${v.id}: ${text}`).toBeLessThanOrEqual(4);
      expect(text, v.id).toMatch(/[.!?]$/);
      // An example the player can type, in capitals: "For example: TAKE THE MUG."
      expect(text, v.id).toMatch(/(For example|Try)\b[^.]*\b[A-Z]{1,}\b/);
    }
  });

  it('reads as plain English: no ids, no placeholders', () => {
    for (const [k, t] of Object.entries(help)) expect(findBadOutput(t), k).toEqual([]);
  });

  it('the guide mentions the comforts', () => {
    for (const word of ['MAP', 'SETTINGS', 'TRANSCRIPT', 'HELP ASK', 'ABOUT', 'CREDITS', 'RECAP']) expect(help.intro).toContain(word);
  });
});

describe('HELP in play', () => {
  const play = () => {
    const host = new GameHost({ world: miniWorld(), seed: 1, store: null, gameVersion: 'test' });
    host.start({ kind: 'new' });
    return (line: string) => blocksToText(host.submit(line).blocks);
  };

  it('HELP gives the guide', () => {
    const say = play();
    const out = say('help');
    expect(out).toContain('nanodream is a story you play by typing');
    expect(findBadOutput(out)).toEqual([]);
  });

  // The engine looks a word up as an id or any form, first match wins, so `help enter` finds `go`
  // (ENTER alone means GO IN); every command is still reachable through one of its own words.
  const lookup = (word: string) => VERBS.find((x) => x.id === word || x.forms.includes(word));
  it('HELP VERB gives the usage and the text of every command', () => {
    const say = play();
    for (const v of VERBS) {
      const word = [v.id.replace('_', ' '), v.id, ...v.forms].find((f) => lookup(f) === v);
      expect(word, `no word reaches the help of ${v.id}`).toBeDefined();
      const out = say(`help ${word}`);
      expect(out, v.id).toContain(v.usage);
      const firstSentence = help[v.id].replace(/\s+/g, ' ').trim().split(/(?<=[.!?]) /)[0];
      expect(out.replace(/\s+/g, ' '), v.id).toContain(firstSentence);
      expect(findBadOutput(out), v.id).toEqual([]);
    }
    expect(say('help x')).toContain(help.examine.replace(/\s+/g, ' ').split('.')[0]);
  });

  it('HELP with an unknown word says so in a sentence', () => {
    const say = play();
    const out = say('help frobnicate');
    expect(out).toContain('frobnicate');
    expect(out).toMatch(/HELP/);
  });
});
