// Breadth: every action of Inform 7's Standard Rules command grammar, and the verbs players
// commonly try, is understood by the story's grammar, and the game answers each one with a
// sentence (never a parse error, never an exception).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { parseLine } from '../../src/engine/language.js';
import { game } from '../engine/helpers.js';

const story = loadContent(join(import.meta.dirname, '../../content'));

/** [what a player types, the action it must become]. The opening room is the living room. */
const INFORM: [string, string][] = [
  ['i', 'inventory'], ['take box', 'take'], ['take photo from shelf', 'take'], ['remove photo from shelf', 'take'],
  ['drop boots', 'drop'], ['put photo on sofa', 'put_on'], ['put photo in box', 'put_in'], ['insert photo into box', 'put_in'],
  ['eat photo', 'eat'], ['go north', 'go'], ['enter sofa', 'enter'], ['exit', 'go'], ['get off sofa', 'stand'],
  ['look', 'look'], ['examine photo', 'examine'], ['look under sofa', 'look_under'], ['search sofa', 'search'],
  ['look up lake in photo', 'consult'], ['consult photo about lake', 'consult'], ['lock door with box', 'lock'],
  ['unlock door with box', 'unlock'], ['switch on box', 'light'], ['switch off box', 'extinguish'], ['open box', 'open'],
  ['close box', 'close'], ['wear boots', 'wear'], ['take off boots', 'remove'], ['give photo to mia', 'give'],
  ['show photo to mia', 'show'], ['wake mia', 'wake'], ['throw photo at sofa', 'throw'], ['attack sofa', 'attack'],
  ['kiss mia', 'kiss'], ['answer mia that hello', 'say'], ['tell mia about lake', 'tell'], ['ask mia about lake', 'ask'],
  ['ask mia for tea', 'ask_for'], ['wait', 'wait'], ['touch sofa', 'touch'], ['wave photo', 'wave'], ['pull sofa', 'pull'],
  ['push sofa', 'push'], ['turn box', 'turn'], ['push sofa north', 'push_to'], ['squeeze sofa', 'squeeze'],
  ['burn photo', 'burn'], ['wake up', 'wake'], ['think', 'think'], ['smell sofa', 'smell'], ['listen to box', 'listen'],
  ['taste photo', 'taste'], ['cut photo', 'cut'], ['jump', 'jump'], ['tie photo to sofa', 'tie'], ['drink photo', 'drink'],
  ['sorry', 'apologise'], ['damn', 'swear'], ['swing', 'swing'], ['rub sofa', 'touch'], ['set box to seven', 'set_to'],
  ['wave', 'wave'], ['buy photo', 'buy'], ['climb sofa', 'climb'], ['sleep', 'sleep'],
];

const PLAYERS: [string, string][] = [
  ['knock on door', 'knock'], ['follow mia', 'follow'], ['wind music box', 'wind'], ['release photo', 'drop'],
  ['let go of photo', 'drop'], ['let go', 'let_go'], ['unplug box', 'pull'], ['make tea', 'make'], ['boil photo', 'boil'],
  ['fill box', 'fill'], ['tap sofa', 'touch'], ['shake box', 'shake'], ['peel photo', 'peel'], ['play music box', 'play'],
  ['draw', 'draw'], ['draw on photo', 'draw'], ['write', 'write'], ['write on photo', 'write'], ['look through door', 'search'],
  ['listen to door', 'listen'], ['listen at door', 'listen'], ['eavesdrop', 'eavesdrop'], ['kick sofa', 'attack'],
  ['climb on sofa', 'climb'], ['climb over sofa', 'climb'], ['sit on sofa', 'sit'], ['lie on sofa', 'lie'], ['hide', 'hide'],
  ['wave', 'wave'], ['point at photo', 'point'], ['dance', 'dance'], ['cry', 'cry'], ['laugh', 'laugh'], ['thank mia', 'thank'],
  ['apologise', 'apologise'], ['hello', 'hello'], ['goodbye', 'goodbye'], ['sorry', 'apologise'], ['hum', 'sing'],
  ['whistle', 'whistle'], ['count', 'count'], ['pray', 'pray'],
];

const NOT_UNDERSTOOD = /I don't know the word|I only understood|You can't use ALL|could not be carried out/;

describe.each([['Inform 7 Standard Rules actions', INFORM], ['verbs players try', PLAYERS]])('%s', (_name, table) => {
  it.each(table)('"%s" is %s', (line, action) => {
    const first = parseLine(story, line).commands[0];
    expect(first?.kind).toBe('action');
    expect(first?.kind === 'action' ? first.verb : first).toBe(action);
  });

  it('each gets a reply in a sentence', () => {
    for (const [line] of table) {
      const g = game(story);
      const reply = g.say(line);
      expect(reply.trim().length, line).toBeGreaterThan(0);
      expect(reply, line).not.toMatch(NOT_UNDERSTOOD);
    }
  });
});

describe('the story answers the verbs its own prose invites', () => {
  it('the music box winds and plays (its key is brass, and "winding" is in its text)', () => {
    const g = game(story);
    for (const line of ['wind music box', 'play music box', 'wind up the music box']) {
      expect(g.say(line)).toMatch(/brass key/);
    }
  });

  it('the kettle boils and tea can be made in the kitchen', () => {
    const g = game(story);
    g.say('e');
    expect(g.say('make tea')).toMatch(/kettle/);
    expect(g.say('boil kettle')).not.toMatch(/You can't boil/);
  });

  it('`play NAME` still switches character', () => {
    const g = game(story);
    expect(parseLine(story, 'play mia').commands[0]?.kind).toBe('switch');
    expect(parseLine(story, 'play as jaime').commands[0]?.kind).toBe('switch');
    expect(g.say('play music box')).not.toMatch(/no one called|There is no/i);
  });
});
