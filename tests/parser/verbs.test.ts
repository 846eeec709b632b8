import { describe, expect, it } from 'vitest';
import { VERBS } from '../../src/parser/index.js';
import { GRAMMAR } from '../../src/parser/grammar.js';
import { action, all, one } from './helpers.js';

// [input, verb, extra fields the command must have]
const ACTIONS: Array<[string, string, Record<string, unknown>?]> = [
  ['look', 'look'], ['l', 'look'], ['look around', 'look'],
  ['examine key', 'examine', { dobj: { words: ['key'] } }],
  ['x key', 'examine', { dobj: { words: ['key'] } }],
  ['look at the key', 'examine', { dobj: { text: 'the key', words: ['key'] } }],
  ['check lamp', 'examine'], ['inspect lamp', 'examine'], ['describe lamp', 'examine'],
  ['read the bottle', 'read', { dobj: { words: ['bottle'] } }],
  ['inventory', 'inventory'], ['i', 'inventory'], ['inv', 'inventory'],
  ['take key', 'take', { dobj: { words: ['key'] } }],
  ['get key', 'take'], ['grab key', 'take'], ['carry key', 'take'],
  ['pick up the key', 'take', { dobj: { words: ['key'] } }],
  ['pick the key up', 'take', { dobj: { words: ['key'] } }],
  ['take the coin from the box', 'take', { dobj: { words: ['coin'] }, iobj: { words: ['box'] } }],
  ['take coin out of box', 'take', { iobj: { words: ['box'] } }],
  ['drop lamp', 'drop', { dobj: { words: ['lamp'] } }],
  ['put down lamp', 'drop'], ['put lamp down', 'drop'], ['discard lamp', 'drop'],
  ['put key in box', 'put_in', { dobj: { words: ['key'] }, iobj: { words: ['box'] } }],
  ['place key into the box', 'put_in'], ['insert key inside box', 'put_in'],
  ['put key on table', 'put_on', { dobj: { words: ['key'] }, iobj: { words: ['table'] } }],
  ['place key onto table', 'put_on'],
  ['give bread to mia', 'give', { dobj: { words: ['bread'] }, iobj: { words: ['mia'] } }],
  ['give mia the bread', 'give', { dobj: { words: ['bread'] }, iobj: { words: ['mia'] } }],
  ['give mia bread', 'give', { dobj: { words: ['bread'] }, iobj: { words: ['mia'] } }],
  ['give him the bread', 'give', { dobj: { words: ['bread'] }, iobj: { pronoun: 'him' } }],
  ['show lamp to leo', 'show', { dobj: { words: ['lamp'] }, iobj: { words: ['leo'] } }],
  ['show leo the lamp', 'show', { dobj: { words: ['lamp'] }, iobj: { words: ['leo'] } }],
  ['throw ball at window', 'throw', { dobj: { words: ['ball'] }, iobj: { words: ['window'] } }],
  ['open door', 'open'], ['close door', 'close'], ['shut door', 'close'],
  ['lock door with key', 'lock', { dobj: { words: ['door'] }, iobj: { words: ['key'] } }],
  ['lock door', 'lock'],
  ['unlock door with the brass key', 'unlock', { iobj: { words: ['brass', 'key'] } }],
  ['unlock door', 'unlock', { dobj: { words: ['door'] } }],
  ['use key', 'use', { dobj: { words: ['key'] } }],
  ['use key on door', 'use', { iobj: { words: ['door'] } }],
  ['use rope with tree', 'use', { iobj: { words: ['tree'] } }],
  ['search box', 'search', { dobj: { words: ['box'] } }],
  ['look in box', 'search'], ['look inside the box', 'search'],
  ['look under bed', 'look_under', { dobj: { words: ['bed'] } }],
  ['look behind door', 'look_behind', { dobj: { words: ['door'] } }],
  ['push button', 'push'], ['press button', 'push'], ['shove chest', 'push'],
  ['pull lever', 'pull'], ['tug rope', 'pull'],
  ['turn dial', 'turn'], ['rotate dial', 'turn'], ['twist dial', 'turn'],
  ['wear hat', 'wear', { dobj: { words: ['hat'] } }],
  ['put on hat', 'wear', { dobj: { words: ['hat'] } }],
  ['put hat on', 'wear', { dobj: { words: ['hat'] } }],
  ['take off hat', 'remove', { dobj: { words: ['hat'] } }],
  ['take hat off', 'remove', { dobj: { words: ['hat'] } }],
  ['remove coat', 'remove', { dobj: { words: ['coat'] } }],
  ['eat bread', 'eat'], ['drink water', 'drink'],
  ['wait', 'wait'], ['z', 'wait'],
  ['listen', 'listen'], ['listen to music', 'listen', { dobj: { words: ['music'] } }],
  ['smell', 'smell'], ['sniff flower', 'smell', { dobj: { words: ['flower'] } }],
  ['touch', 'touch'], ['touch shell', 'touch'], ['feel shell', 'touch'], ['rub lamp', 'touch'],
  ['sleep', 'sleep'],
  ['wake', 'wake'], ['wake up', 'wake'],
  ['wake leo', 'wake', { dobj: { words: ['leo'] } }],
  ['wake up leo', 'wake', { dobj: { words: ['leo'] } }],
  ['wake leo up', 'wake', { dobj: { words: ['leo'] } }],
  ['talk to jaime', 'talk', { dobj: { words: ['jaime'] } }],
  ['speak to jaime', 'talk'], ['speak with jaime', 'talk'], ['greet jaime', 'talk'],
  ['ask jaime about leo', 'ask', { dobj: { words: ['jaime'] }, topic: 'leo' }],
  ['ask jaime about the night specter', 'ask', { topic: 'the night specter' }],
  ['ask about the dream', 'ask', { topic: 'the dream' }],
  ['tell mia about the lantern', 'tell', { dobj: { words: ['mia'] }, topic: 'the lantern' }],
  ['say hello', 'say', { topic: 'hello' }],
  ['say hello to mia', 'say', { topic: 'hello', iobj: { words: ['mia'] } }],
  ['shout', 'shout'], ['call', 'shout'], ['yell help', 'shout', { topic: 'help' }],
  ['hug mia', 'hug'], ['embrace mia', 'hug'],
  ['comfort leo', 'comfort'], ['reassure leo', 'comfort'], ['soothe leo', 'comfort'],
  ['kiss elara', 'kiss'], ['sing', 'sing'],
  ['think', 'think'], ['ponder', 'think'],
  ['think about the sea', 'think', { topic: 'the sea' }],
  ['remember', 'remember'], ['remember the summer', 'remember', { topic: 'the summer' }],
  ['imagine a golden bridge', 'imagine', { topic: 'a golden bridge', dobj: { words: ['golden', 'bridge'] } }],
  ['nudge leo', 'nudge'], ['focus', 'focus'], ['concentrate', 'focus'],
  ['climb tree', 'climb', { dobj: { words: ['tree'] } }],
  ['climb up', 'climb', { direction: 'up' }], ['climb down', 'climb', { direction: 'down' }],
  ['enter box', 'enter', { dobj: { words: ['box'] } }], ['go into the box', 'enter'],
  ['sit', 'sit'], ['sit on chair', 'sit', { dobj: { words: ['chair'] } }],
  ['stand', 'stand'], ['stand up', 'stand'],
  ['jump', 'jump'], ['hop', 'jump'], ['dig', 'dig'],
  ['break vase', 'break'], ['smash vase', 'break'],
  ['attack specter', 'attack'], ['hit specter', 'attack'], ['kill specter', 'attack'], ['fight specter', 'attack'],
  ['light candle', 'light'], ['turn on lamp', 'light'], ['switch on lamp', 'light'],
  ['extinguish candle', 'extinguish'], ['turn off lamp', 'extinguish'], ['switch off lamp', 'extinguish'],
  ['blow out candle', 'extinguish'],
  ['fill bottle', 'fill'], ['pour water', 'pour'],
  ['tie rope to post', 'tie', { dobj: { words: ['rope'] }, iobj: { words: ['post'] } }],
  ['lie', 'lie'], ['lie down', 'lie'], ['pray', 'pray'], ['dance', 'dance'], ['hide', 'hide'],
  ['xyzzy', 'magic'], ['plugh', 'magic'],
];

describe('action verbs and their synonyms', () => {
  it.each(ACTIONS)('%s → %s', (input, verb, extra) => {
    const c = action(input);
    expect(c.verb).toBe(verb);
    expect(c.input).toBe(input);
    if (extra) expect(c).toMatchObject(extra);
  });
});

describe('directions', () => {
  const dirs: Array<[string, string]> = [
    ['n', 'north'], ['s', 'south'], ['e', 'east'], ['w', 'west'], ['ne', 'northeast'], ['nw', 'northwest'],
    ['se', 'southeast'], ['sw', 'southwest'], ['u', 'up'], ['d', 'down'], ['in', 'in'], ['out', 'out'],
    ['north', 'north'], ['southwest', 'southwest'], ['up', 'up'], ['down', 'down'],
  ];
  it.each(dirs)('bare %s → %s', (word, direction) => {
    expect(one(word)).toEqual({ kind: 'action', verb: 'go', direction, input: word });
  });
  it.each(['go', 'walk', 'run', 'head'])('%s with a direction', (verb) => {
    expect(action(`${verb} north`)).toMatchObject({ verb: 'go', direction: 'north' });
    expect(action(`${verb} NE`)).toMatchObject({ verb: 'go', direction: 'northeast' });
  });
  it('go alone needs a direction', () => {
    expect(one('go')).toEqual({ kind: 'error', message: 'parse.no_direction' });
  });
  it('go to names a place for the engine to resolve', () => {
    expect(action('go to the old kitchen')).toMatchObject({ verb: 'go_to', topic: 'the old kitchen' });
    expect(action('walk to garden')).toMatchObject({ verb: 'go_to', topic: 'garden' });
    expect(action('goto garden')).toMatchObject({ verb: 'go_to', topic: 'garden' });
  });
  it('exits is a meta command', () => {
    expect(one('exits')).toEqual({ kind: 'meta', verb: 'exits' });
  });
});

describe('meta verbs', () => {
  const metas: Array<[string, string, string?]> = [
    ['undo', 'undo'], ['again', 'again'], ['g', 'again'], ['oops lamp', 'oops', 'lamp'],
    ['save', 'save'], ['restore', 'restore'], ['load', 'restore'], ['saves', 'saves'],
    ['restart', 'restart'], ['quit', 'quit'], ['q', 'quit'], ['help', 'help'], ['help take', 'help', 'take'],
    ['about', 'about'], ['credits', 'credits'], ['verbose', 'verbose'], ['brief', 'brief'],
    ['superbrief', 'superbrief'], ['score', 'score'], ['progress', 'progress'], ['hint', 'hint'],
    ['hints', 'hint'], ['map', 'map'], ['recap', 'recap'], ['journal', 'recap'], ['transcript', 'transcript'],
    ['transcript off', 'transcript', 'off'], ['settings', 'settings'], ['settings glitch low', 'settings', 'glitch low'],
    ['yes', 'yes'], ['y', 'yes'], ['no', 'no'],
  ];
  it.each(metas)('%s → meta %s', (input, verb, arg) => {
    const expected: Record<string, string> = { kind: 'meta', verb };
    if (arg !== undefined) expected.arg = arg;
    expect(one(input)).toEqual(expected);
  });
  it('save, restore and delete keep the name as typed', () => {
    expect(one('SAVE My Dream')).toEqual({ kind: 'meta', verb: 'save', arg: 'My Dream' });
    expect(one('Load Slot-Two')).toEqual({ kind: 'meta', verb: 'restore', arg: 'Slot-Two' });
    expect(one('save "Before The Door"')).toEqual({ kind: 'meta', verb: 'save', arg: 'Before The Door' });
    expect(one('delete OldOne')).toEqual({ kind: 'meta', verb: 'delete', arg: 'OldOne' });
    expect(one('transcript ON Notes.txt')).toEqual({ kind: 'meta', verb: 'transcript', arg: 'on Notes.txt' });
  });
  it('n is north, not no', () => {
    expect(one('n')).toMatchObject({ kind: 'action', direction: 'north' });
  });
  it('meta commands sit among others on one line', () => {
    expect(kinds('look. save Before. n')).toEqual(['action:look', 'meta:save', 'action:go']);
  });
});

function kinds(input: string): string[] {
  return all(input).map((c) => `${c.kind}:${'verb' in c ? c.verb : ''}`);
}

describe('the VERBS table', () => {
  const sample = (usage: string) => usage
    .replace(/\[([^\]]*)\]/g, '$1')
    .replace(/on\|off/g, 'on')
    .replace(/THING to PERSON/, 'lamp to mia')
    .replace(/THING at THING/, 'ball at window')
    .replace(/THING in THING/, 'key in box')
    .replace(/THING on THING/, 'key on table')
    .replace(/THING to THING/, 'rope to post')
    .replace(/THING (from|with|on) THING/, 'key $1 box')
    .replace(/THING/g, 'lamp').replace(/PERSON/g, 'mia').replace(/TOPIC/g, 'the sea')
    .replace(/DIRECTION/g, 'north').replace(/PLACE/g, 'garden').replace(/NAME/g, 'leo')
    .replace(/WORD/g, 'glitch').replace(/TEXT/g, '"hello"');

  it.each(VERBS.map((v) => [v.id, v.usage, v.meta] as const))('%s: its usage "%s" parses to it', (id, usage, meta) => {
    const c = one(sample(usage));
    if (id === 'switch') expect(c).toEqual({ kind: 'switch', target: 'leo' });
    else if (meta) expect(c).toMatchObject({ kind: 'meta', verb: id });
    else expect(c).toMatchObject({ kind: 'action', verb: id });
  });

  it('every form listed starts a command the parser knows', () => {
    for (const v of VERBS) {
      for (const form of v.forms) {
        const c = one(form);
        expect(c.kind === 'error' && c.message === 'parse.unknown_verb', `${v.id}: ${form}`).toBe(false);
      }
    }
  });

  it('lists every verb id the grammar can produce, and only once', () => {
    const ids = new Set(VERBS.map((v) => v.id));
    expect(ids.size).toBe(VERBS.length);
    for (const line of GRAMMAR) {
      if (line.kind === 'order' || line.kind === 'no_direction') continue;
      expect(ids.has(line.verb), line.pattern).toBe(true);
    }
    for (const id of ids) expect(GRAMMAR.some((l) => l.verb === id), id).toBe(true);
  });

  it('has a usage line for each verb', () => {
    for (const v of VERBS) expect(v.usage.length).toBeGreaterThan(0);
  });
});
