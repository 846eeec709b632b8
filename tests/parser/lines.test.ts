import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parser/index.js';
import { action, all, one, vocab } from './helpers.js';

const summary = (input: string) => all(input).map((c) =>
  c.kind === 'action' ? `${c.actor ? `${c.actor.words.join(' ')}:` : ''}${c.verb}${c.direction ? ` ${c.direction}` : ''}${c.dobj ? ` ${c.dobj.words.join(' ')}` : ''}`
    : c.kind === 'error' ? c.message : c.kind === 'meta' ? `meta ${c.verb}` : `switch ${c.target}`);

describe('several commands on one line', () => {
  it('splits on full stops', () => {
    expect(summary('take key. open door. n')).toEqual(['take key', 'open door', 'go north']);
  });
  it('splits on then', () => {
    expect(summary('take key then unlock door then go north')).toEqual(['take key', 'unlock door', 'go north']);
    expect(summary('take key and then go north')).toEqual(['take key', 'go north']);
  });
  it('splits on commas', () => {
    expect(summary('n, e, take lamp')).toEqual(['go north', 'go east', 'take lamp']);
    expect(summary('open box, then take key')).toEqual(['open box', 'take key']);
  });
  it('splits on ; ! ?', () => {
    expect(summary('look; wait! i?')).toEqual(['look', 'wait', 'inventory']);
  });
  it('gives each command its own input text', () => {
    expect(all('Take Key. OPEN the door').map((c) => (c.kind === 'action' ? c.input : ''))).toEqual(['take key', 'open the door']);
  });
  it('ignores empty pieces', () => {
    expect(summary('look.. . then ,  wait.')).toEqual(['look', 'wait']);
  });
  it('empty input is parse.empty', () => {
    expect(all('')).toEqual([{ kind: 'error', message: 'parse.empty' }]);
    expect(all('   ...  ')).toEqual([{ kind: 'error', message: 'parse.empty' }]);
  });
  it('keeps a full stop inside a file name', () => {
    expect(all('save notes.txt. look')).toEqual([
      { kind: 'meta', verb: 'save', arg: 'notes.txt' }, { kind: 'action', verb: 'look', input: 'look' },
    ]);
  });
});

describe('say with quoted text', () => {
  it('does not split inside quotes and keeps the punctuation', () => {
    expect(all('say "hello, world. then bye!" to mia. wait')).toEqual([
      { kind: 'action', verb: 'say', topic: 'hello, world. then bye!', iobj: { text: 'mia', words: ['mia'] },
        input: 'say "hello, world. then bye!" to mia' },
      { kind: 'action', verb: 'wait', input: 'wait' },
    ]);
  });
  it('accepts curly quotes and an unclosed quote', () => {
    expect(action('say \u201chi there\u201d').topic).toBe('hi there');
    expect(action('say "wake up, leo').topic).toBe('wake up, leo');
  });
  it('say to PERSON "text"', () => {
    expect(action('say to leo "look out"')).toMatchObject({ topic: 'look out', iobj: { words: ['leo'] } });
  });
  it('say alone asks what to say', () => {
    expect(one('say')).toEqual({ kind: 'error', message: 'parse.missing_noun', params: { verb: 'say' } });
  });
});

describe('orders to other characters', () => {
  it('mia, go north', () => {
    expect(one('mia, go north')).toEqual({
      kind: 'action', verb: 'go', direction: 'north', actor: { text: 'mia', words: ['mia'] }, input: 'mia, go north',
    });
  });
  it('jaime, take the lamp', () => {
    expect(action('jaime, take the lamp')).toMatchObject({ verb: 'take', actor: { words: ['jaime'] }, dobj: { words: ['lamp'] } });
  });
  it('an order then a plain command', () => {
    expect(summary('leo, take the key, then go north')).toEqual(['leo:take key', 'go north']);
  });
  it('an order goes on over a bare "and", and only there (playtest 10)', () => {
    expect(summary('leo, go north and take the key')).toEqual(['leo:go north', 'leo:take key']);
    expect(summary('tell leo to go north and take the key')).toEqual(['leo:go north', 'leo:take key']);
    expect(summary('tell leo to go north and take the key and open the door')).toEqual(['leo:go north', 'leo:take key', 'leo:open door']);
    expect(summary('tell leo to go north. take the key')).toEqual(['leo:go north', 'take key']);
    expect(summary('leo, go north then take the key')).toEqual(['leo:go north', 'take key']);
    expect(summary('take the key and go north')).toEqual(['take key', 'go north']);
  });
  it('wait, stay and remain, here or not', () => {
    for (const line of ['wait', 'stay', 'stay here', 'wait here', 'remain there', 'stay put']) expect(summary(line), line).toEqual(['wait']);
    expect(summary('mia, stay here')).toEqual(['mia:wait']);
  });
  it('a several-word addressee in vocabulary', () => {
    expect(summary('old man, open the door')).toEqual(['old man:open door']);
  });
  it('a comma after a verb is not an addressee', () => {
    expect(summary('look, wait')).toEqual(['look', 'wait']);
  });
  it('tell X to ... is the same order', () => {
    expect(one('tell mia to go north')).toEqual({
      kind: 'action', verb: 'go', direction: 'north', actor: { text: 'mia', words: ['mia'] }, input: 'tell mia to go north',
    });
    expect(action('ask leo to open the box')).toMatchObject({ verb: 'open', actor: { words: ['leo'] } });
  });
  it('an order that does not parse reports why', () => {
    expect(one('mia, flibber')).toEqual({ kind: 'error', message: 'parse.unknown_verb', params: { word: 'flibber' } });
    expect(one('mia, save')).toMatchObject({ kind: 'error', message: 'parse.bad_grammar' });
  });
});

describe('switching character', () => {
  it.each(['switch to mia', 'play as mia', 'be mia', 'become mia', 'switch mia', 'mia', 'Mia'])('%s', (input) => {
    expect(one(input)).toEqual({ kind: 'switch', target: 'mia' });
  });
  it('a bare name switches only when it is a supplied character name', () => {
    expect(parse('mia', vocab).commands).toEqual([{ kind: 'error', message: 'parse.unknown_verb', params: { word: 'mia' } }]);
    expect(parse('elara', vocab, { characters: ['Elara'] }).commands).toEqual([{ kind: 'switch', target: 'elara' }]);
  });
  it('switch on/off still light things', () => {
    expect(action('switch on the lamp').verb).toBe('light');
    expect(action('switch lamp off').verb).toBe('extinguish');
  });
  it('switching sits among other commands', () => {
    expect(summary('look. switch to leo. take lamp')).toEqual(['look', 'switch leo', 'take lamp']);
  });
});

describe('lists of things', () => {
  it('X and Y gives one command per thing, each keeping the whole input for again', () => {
    expect(all('take key and lamp')).toEqual([
      { kind: 'action', verb: 'take', dobj: { text: 'key', words: ['key'] }, input: 'take key and lamp' },
      { kind: 'action', verb: 'take', dobj: { text: 'lamp', words: ['lamp'] }, input: 'take key and lamp' },
    ]);
  });
  it('comma lists, with or without articles, and with a second noun', () => {
    expect(summary('take the key, the lamp and the hat')).toEqual(['take key', 'take lamp', 'take hat']);
    expect(summary('take key, lamp, then n')).toEqual(['take key', 'take lamp', 'go north']);
    expect(all('give key and lamp to mia').map((c) => c.kind === 'action' && c.iobj?.words)).toEqual([['mia'], ['mia']]);
  });
  it('an order applies to each thing', () => {
    expect(summary('mia, take key and lamp')).toEqual(['mia:take key', 'mia:take lamp']);
  });
  it('and before a verb starts a new command', () => {
    expect(summary('take key and go north')).toEqual(['take key', 'go north']);
    expect(summary('open box and take key')).toEqual(['open box', 'take key']);
  });
  it('an unknown word in a list is reported', () => {
    expect(all('take key and blorb')).toEqual([{ kind: 'error', message: 'parse.unknown_word', params: { word: 'blorb' } }]);
  });
});

describe('smaller grammar points', () => {
  it('ask or tell someone about nothing asks what about', () => {
    expect(one('ask mia')).toEqual({ kind: 'error', message: 'parse.missing_second', params: { verb: 'ask', noun: 'mia', prep: 'about' } });
    expect(one('tell leo')).toMatchObject({ message: 'parse.missing_second', params: { prep: 'about' } });
  });
  it('an empty quote says nothing', () => {
    expect(one('say ""')).toEqual({ kind: 'error', message: 'parse.missing_noun', params: { verb: 'say' } });
  });
  it('go up a thing climbs it', () => {
    expect(action('go up the ladder')).toMatchObject({ verb: 'climb', dobj: { words: ['ladder'] } });
  });
  it('enter, exit and get out move in and out', () => {
    expect(action('enter')).toMatchObject({ verb: 'go', direction: 'in' });
    expect(action('get out')).toMatchObject({ verb: 'go', direction: 'out' });
  });
  it('go followed by a place name is go_to', () => {
    expect(action('go garden')).toMatchObject({ verb: 'go_to', topic: 'garden' });
  });
});
