// Findings of the eighth blind playtest (fix8), each played through the real story from the
// balance walkthrough's state at that moment.
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadContent } from '../../src/content/load.js';
import { game, gameBefore, walkthrough } from './helpers.js';

const ROOT = join(import.meta.dirname, '../..');
const world = loadContent(join(ROOT, 'content'));
const walk = walkthrough('ending-balance.txt');

const before = (cmd: string, nth = 1) => gameBefore(world, walk, cmd, nth);

describe('an order to go to a place is not an order to go to sleep', () => {
  it('at the Owl Roost, Jaime sending Leo to the lake gets an answer about going, not about being tired', () => {
    const g = before('switch to jaime', 3);
    g.run('switch to jaime');
    expect(g.host.state.loc.leo).toBe('owl_roost');
    for (const order of ['leo, go to the lake', 'leo, go to frozen lake', 'tell leo to go to the lake and ring the chime']) {
      const reply = g.say(order);
      expect(reply, order).not.toMatch(/tired/i);
      expect(reply, order).toMatch(/Leo/);
    }
    expect(g.host.state.loc.leo).toBe('owl_roost');
    for (const order of ['mia, go to the lake', 'jaime, go to the lake']) expect(g.say(order), order).not.toMatch(/tired|not really the moment/i);
  });

  it('at bedtime, GO TO YOUR ROOM is still bed', () => {
    const g = before('lie down');
    expect(g.host.state.player).toBe('jaime');
    expect(g.say('leo, go to your room')).toContain('Wait at the gate');
    expect(g.host.state.flags.leo_in_bed).toBe(true);
  });
});

describe('the Star Stairs: text, exits and movement agree that the bridge is no way back', () => {
  it('for each child there, the room, EXITS and SOUTH all say there is only up', () => {
    for (const who of ['leo', 'mia', 'jaime']) {
      const g = before('talk to jaime');
      expect(g.host.state.flags.gathered_stairs).toBe(true);
      const look = g.run(`be ${who}`, 'look').at(-1)!;
      expect(look, who).not.toMatch(/bridge (is|runs) (back )?south/i);
      expect(look, who).toMatch(/no way back|only way is up|way is up|up or nothing/i);
      expect(g.say('exits'), who).not.toMatch(/south|Lantern Bridge/);
      expect(g.say('s'), who).toContain("There's no bridge back");
      expect(g.host.state.loc[who]).toBe('star_stairs');
    }
  });
});

describe('act 4: Leo on Mia and Jaime, when he did wait at the stairs', () => {
  it('does not say he left them or should have waited', () => {
    const g = before('hug leo');
    expect(g.host.state.act).toBe(4);
    expect(g.host.state.flags.leo_waited).toBe(true);
    g.run('be elara');
    const mia = g.say('ask leo about mia');
    expect(mia).toContain('I waited, like Jaime said');
    expect(mia).not.toContain('I left them');
    const jaime = g.say('ask leo about jaime');
    expect(jaime).toContain('and I did');
    expect(jaime).not.toContain("I should've");
  });
});


describe('act 5: what the children carried in the dream stays in it', () => {
  const pockets = (g: ReturnType<typeof before>) => Object.entries(g.host.state.loc)
    .filter(([, at]) => ['leo', 'mia', 'jaime', 'elara'].includes(at)).map(([id]) => id);

  it('in the morning no one carries the frost lantern, the sugar-glass fruit or a dreamed torch; Leo has the compass', () => {
    const g = before('use hub');
    expect(g.host.state.act).toBe(5);
    expect(g.host.state.flags.lantern_taken).toBe(true);
    const held = pockets(g);
    for (const thing of ['floe_lantern', 'sugar_fruit', 'dream_torch']) expect(held, thing).not.toContain(thing);
    expect(g.host.state.loc.leo_compass).toBe('leo');
  });

  it('the lantern left on the floe is told as left there; taken by anyone, as kept', () => {
    const untaken = walk.filter((c, i) => !(c === 'take lantern' && walk[i - 1] === 'be mia'));
    expect(untaken.length).toBe(walk.length - 1);
    const g = gameBefore(world, untaken, 'sit on cushions');
    expect(g.host.state.flags.lantern_taken).toBeFalsy();
    expect(pockets(g)).not.toContain('floe_lantern');
    const left = g.say('sit on cushions');
    expect(left).toContain('nobody picked it up');
    expect(left).not.toContain('On the floe it was a frost lantern');
    const kept = before('sit on cushions').say('sit on cushions');
    expect(kept).toContain('On the floe it was a frost lantern');
  });
});

describe('act 5: the hub, decided in the kitchen, is heard only by who is in earshot (presence)', () => {
  it('Mia at the table hears through the doorway, Mia on the roof says nothing', () => {
    // Mia cannot be in the kitchen then: she gives Mum room until the hub is decided (the kitchen
    // text that once stood here was never shown, and is gone).
    const cases: [string, RegExp | null][] = [
      ['family_table', /Through the doorway, from the table, you hear Mia/],
      ['rooftop_garden', null],
    ];
    for (const [miaAt, said] of cases) {
      const g = before('use hub');
      expect(g.host.state.loc.elara).toBe('morning_kitchen');
      g.host.state.flags.mia_spoke = true;
      g.host.state.loc.mia = miaAt;
      const reply = g.say('use hub');
      expect(reply, miaAt).toContain('Shared dreams only');
      expect(reply, miaAt).not.toMatch(/From the table|upside down from the table|children watch you/);
      if (said) expect(reply, miaAt).toMatch(said);
      else expect(reply, miaAt).not.toMatch(/Mia/);
    }
  });

  it('pulling the plug does not show the children at a table in another room', () => {
    const g = before('use hub');
    const reply = g.say('pull hub');
    expect(reply).toContain('The ring of light goes out');
    expect(reply).not.toMatch(/children watch you from the table/);
  });
});

describe('the balcony door, once open, is not unlocked and opened again', () => {
  it('OPEN BALCONY DOOR flips the child-lock and goes out; the lock is not flipped a second time', () => {
    const g = game(world, 0);
    expect(g.host.state.loc.elara).toBe('living_room');
    const opened = g.say('open balcony door');
    expect(opened.match(/child-lock/g)).toHaveLength(1);
    expect(g.host.state.loc.elara).toBe('balcony');
    expect(g.say('s')).not.toContain('child-lock');
    expect(g.say('n')).toContain('put the child-lock on');
    expect(g.say('s')).toContain('flip the child-lock');
  });
});

describe('act 5: a named hub setting counts (SET HUB TO SOLO)', () => {
  it('solo is refused with the reason and the way the family decides; it decides nothing', () => {
    const g = before('use hub');
    for (const cmd of ['set hub to solo', 'change the hub to private']) {
      const reply = g.say(cmd);
      expect(reply, cmd).toContain('decided out loud');
      expect(reply, cmd).toContain('USE THE HUB');
      expect(reply, cmd).not.toContain('Shared dreams only');
      expect(g.host.state.flags.reassessed, cmd).toBeFalsy();
    }
    expect(g.say('set hub to shared')).toContain('Shared dreams only');
    expect(g.host.state.flags.reassessed).toBe(true);
    const after = g.say('set hub to solo');
    expect(after).toContain('Not solo');
    expect(after).not.toContain('Let it be');
  });
});

describe('nouns the text names: the heart at the Owl Roost, the painting at the Frost Gate', () => {
  it('X HEART at the Owl Roost is the glow of the heart to the west, not a person', () => {
    const g = before('switch to jaime', 3);
    expect(g.host.state.loc[g.host.state.player]).toBe('owl_roost');
    const reply = g.say('x heart');
    expect(reply).not.toMatch(/Which do you mean/);
    expect(reply).toMatch(/blue light pulses|heart of the forest/);
  });

  it('X PAINTING at the Frost Gate is answered (it already was)', () => {
    const g = before('open seam');
    expect(g.host.state.loc[g.host.state.player]).toBe('frost_gate');
    expect(g.say('x painting')).toContain('the painted gate');
  });
});

describe('playtest 8: words that got no in-world answer', () => {
  it('GIVE MEMORIES TO SPECTER is holding them up (REMEMBER), not handing over a thing', () => {
    const g = before('examine specter');
    expect(g.host.state.loc.leo).toBe('specter_field');
    const reply = g.say('give memories to specter');
    expect(reply).toContain('Memories aren');
    expect(reply).not.toContain('at arm\'s length');
  });

  it('PET FOX strokes the fox; COME is answered, alone and as an order', () => {
    const g = before('open seam');
    expect(g.say('pet fox')).toContain('Her fur is cold');
    for (const cmd of ['come', 'come here', 'come with me']) expect(g.say(cmd), cmd).toContain('You beckon');
    expect(g.say('leo, come here')).toMatch(/Leo/);
    expect(g.say('leo, come here')).not.toMatch(/don't know the word/);
  });

  it('GOODNIGHT LEO at bedtime is Leo answering; GO TO LEOS ROOM is his room', () => {
    const g = before('switch to elara');
    g.run('switch to elara');
    expect(g.host.state.flags.leo_in_bed).toBe(true);
    expect(g.say('goodnight leo')).toContain('"Night, Mum,"');
    g.run('e');
    expect(g.host.state.loc.elara).toBe('hallway');
    expect(g.say('go to leos room')).toContain("Leo's Room");
    expect(g.host.state.loc.elara).toBe('leo_room');
  });

  it('LEAVE THE HUB AS IT IS in act 5 is answered: not deciding is deciding, and the two ways', () => {
    const g = before('use hub');
    const reply = g.say('leave the hub as it is');
    expect(reply).toContain('deciding without saying so');
    expect(reply).toContain('USE THE HUB');
    expect(g.host.state.flags.reassessed).toBeFalsy();
    expect(g.say('leave hub alone')).toContain('deciding without saying so');
  });
});

describe('SING in a child\'s room at bedtime is not heard "down the hall"', () => {
  it('with the children in bed, Mum singing in Leo\'s room is told as here; from the hallway, down the hall', () => {
    const g = before('switch to elara');
    g.run('switch to elara');
    expect(g.host.state.loc.elara).toBe('leo_room');
    const here = g.say('sing to leo');
    expect(here).not.toMatch(/down the hall|stops talking to listen/i);
    expect(here).toContain('Nobody stirs');
    g.run('e');
    expect(g.say('sing')).toContain('Down the hall, nobody stirs');
  });

  it('Leo and Jaime asleep, Mia awake in her room: asleep in Leo\'s room, a child listening in Mia\'s', () => {
    const g = before('lie down', 3);
    g.run('switch to elara');
    expect(g.host.state.flags.mia_in_bed).toBeFalsy();
    expect(g.host.state.loc.elara).toBe('leo_room');
    const leos = g.say('sing to leo');
    expect(leos).toContain('Nobody stirs');
    expect(leos).not.toMatch(/stops talking to listen/);
    g.run('go to mias room');
    expect(g.host.state.loc.elara).toBe('mia_room');
    const mias = g.say('sing');
    expect(mias).toContain('Right here in the dark, a child stops talking to listen');
    expect(mias).not.toMatch(/down the hall/i);
  });
});

describe('a story verb done to oneself', () => {
  it('FOLLOW ME is not "You can\'t follow Mia"; it says how to bring someone along, and other verbs have a plain answer', () => {
    const g = game(world);
    g.say('be mia');
    const follow = g.say('follow me');
    expect(follow).not.toMatch(/follow Mia/);
    expect(follow).toMatch(/FOLLOW ME/);
    expect(g.say('knock on me')).toBe("You can't do that to yourself.");
    // Another person is still followed, or not, as before.
    expect(g.say('follow leo')).toMatch(/follow Leo just like that/);
  });
});
