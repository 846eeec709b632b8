// Findings of the tenth blind playtest about orders, undo and what the game says back, each
// played through the real story from the balance walkthrough's state at that moment.
import { describe, it, expect } from 'vitest';
import { playedTo, story } from './helpers.js';
import { whereabouts } from '../../src/ui/format.js';

const world = story();
const before = playedTo();

describe('orders', () => {
  it('"tell jaime to go west and strike the chime" is all for Jaime, and his refusal ends the line', () => {
    const g = before('strike chime');
    const reply = g.say('tell jaime to go west and strike the chime');
    expect(reply).toMatch(/Jaime says/);
    expect(reply).not.toMatch(/You strike/);
    expect(g.host.state.flags).toEqual(before('strike chime').host.state.flags);
  });

  it('Mia and Jaime can be told to wait, stay or stay here', () => {
    const g = before('strike chime');
    expect(g.say('jaime, wait here')).toMatch(/Not going anywhere/);
    expect(g.say('jaime, stay')).toMatch(/Not going anywhere/);
    expect(g.say('tell mia to stay here')).toMatch(/Where would I go/);
  });
});

describe('bedtime words', () => {
  it('PUT LEO TO BED is tucking him in (playtest 9)', () => {
    const g = before('switch to leo');
    const tuck = before('switch to leo').say('tuck leo in');
    expect(g.say('put leo to bed')).toBe(tuck);
    expect(tuck).not.toMatch(/What do you want/);
  });
});

describe('again after undo', () => {
  it('plays the undone command again, not the one before it', () => {
    const g = before('strike chime');
    g.say('look');
    const went = g.say('south');
    expect(g.say('undo')).toMatch(/south/);
    expect(g.say('again')).toBe(went);
    // A look in between takes no turn: UNDO takes back the move (here the AGAIN that made it),
    // and AGAIN makes it again, not the look (playtest 13).
    g.say('x leo');
    expect(g.say('undo')).toMatch(/again/);
    expect(g.say('again')).toBe(went);
  });
});

describe('what the game says back', () => {
  it("someone's thing that is not here is named as theirs, without \"any\"", () => {
    const g = before('strike chime');
    expect(g.say("touch leo's thread")).toBe("You can't see Leo's thread here.");
  });

  it("in the nexus, Leo's thread is one of the children's three threads, and touching it is answered", () => {
    const g = before('pull reins');
    expect(g.say("touch leo's thread")).toMatch(/bird's heart/);
    expect(g.say('x threads')).toMatch(/^Three lines of light/);
  });

  it('imagining a boat over the static sea, or at the brook as Mia, is not imagining a bridge', () => {
    const g = before('shout');
    expect(g.say('imagine a boat')).not.toMatch(/bridge/);
    const brook = before('imagine stones');
    brook.say('be mia');
    brook.say('n');
    expect(brook.say('imagine a boat')).not.toMatch(/bridge/);
  });

  it("Leo holding Mum's hand in the field holds Mum's, and says Mum", () => {
    const g = before('examine specter');
    expect(g.host.state.player).toBe('leo');
    const reply = g.say("hold mum's hand");
    expect(reply).toMatch(/Mum's hand/);
    expect(reply).not.toMatch(/Elara/);
  });

  it('at night, north from the family table goes up the hallway to Leo\'s room', () => {
    const g = before('north', 3);
    expect(g.say('look')).toMatch(/light still shows under Leo's door/);
    expect(g.say('north')).toMatch(/^You go up the hallway/);
  });

  it('once the story has ended, the status line names the ending instead of the act', () => {
    const g = before('sit on cushions');
    expect(whereabouts(world, g.host.state).act).toMatch(/^Act 5/);
    g.say('sit on cushions');
    expect(g.host.state.ending).not.toBeNull();
    expect(whereabouts(world, g.host.state).act).toBe(`The End: ${world.endings[g.host.state.ending!]!.title}`);
  });
});
