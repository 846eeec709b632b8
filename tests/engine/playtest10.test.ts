// Findings of the tenth blind playtest, each played through the real story from the balance
// walkthrough's state at that moment.
import { describe, it, expect } from 'vitest';
import { playedTo } from './helpers.js';

const before = playedTo();
const UNKNOWN = /don't know the word|nothing on .* to peel|can't see any/i;

describe('the painted Frost Gate can be peeled', () => {
  it('as Mia, PEEL THE PAINTING peels the gate back by its seam, as OPEN SEAM does', () => {
    const g = before('x seam');
    expect(g.host.state.player).toBe('mia');
    const peeled = g.say('peel the painting');
    expect(peeled).toMatch(/You get a fingernail under the corner/);
    expect(g.host.state.flags.frost_gate_open).toBe(true);
    expect(g.say('peel the painting')).toMatch(/peeled already/);
    expect(g.say('x painting')).toMatch(/BACKDROP/);
  });

  it('the others find no edge to peel, and are pointed at Mia', () => {
    const g = before('x seam');
    for (const who of ['leo', 'jaime', 'elara']) {
      g.say(`be ${who}`);
      const said = g.say('peel the painting');
      expect(said, who).not.toMatch(UNKNOWN);
      expect(said, who).toMatch(who === 'elara' ? /joins in things/ : /Mia is squinting/);
      expect(g.host.state.flags.frost_gate_open).toBeFalsy();
    }
    expect(g.say('peel the gate')).toBe(g.say('peel the mural'));
  });
});

describe('the fridge letters in the upside-down kitchen', () => {
  it('MOVE, ARRANGE and SPELL are understood, and say what the letters spell and why it stops', () => {
    const g = before('take ribbon');
    g.say('east');
    expect(g.host.state.loc.leo).toBe('upside_kitchen');
    for (const typed of ['move letters', 'arrange letters', 'rearrange the magnets', 'spell leo come home']) {
      const said = g.say(typed);
      expect(said, typed).not.toMatch(UNKNOWN);
      expect(said, typed).toMatch(/no M and no E|an M and an E/);
    }
    expect(g.say('arrange letters')).toMatch(/L E O {2}C O M E {2}H O/);
    expect(g.say('spell leo come home')).toMatch(/L E O {2}C O M E {2}H O/);
  });

  it('SPELL with nothing to spell with has an answer of its own elsewhere', () => {
    const g = before('take ribbon');
    expect(g.say('spell home')).toMatch(/nothing here to spell it with/);
  });
});

describe('Lake Orin and the train, in the morning', () => {
  it('Leo answers about Lake Orin and the train, before the plan and after it', () => {
    const g = before('talk to mia');
    expect(g.host.state.act).toBe(5);
    const orin = g.say('ask leo about lake orin');
    expect(orin).toMatch(/two hours on the train/);
    expect(g.say('ask leo about orin')).toBe(orin);
    expect(g.say('ask leo about the train')).toMatch(/Jaime always knows which train/);
    expect(g.say('ask jaime about the train')).toMatch(/Lake Orin/);

    const later = before('sit on cushions');
    expect(later.say('ask leo about lake orin')).toMatch(/Saturday/);
    expect(later.say('ask leo about the train')).toMatch(/platform four/);
  });
});

describe('the dream pillow is not unplugged on Meelia night', () => {
  it('UNPLUG PILLOW in act 1 is refused in the voice of whoever tries', () => {
    const g = before('look under pillow');
    expect(g.host.state.act).toBe(1);
    expect(g.say('unplug pillow')).toMatch(/charging cable/);
    expect(g.say('switch off the pillow')).toMatch(/charging cable/);
    g.say('be leo');
    expect(g.say('unplug the pillow')).toMatch(/unplug your own head/);
    g.say('be mia');
    expect(g.say('unplug pillow')).toMatch(/without you/);
    g.say('be jaime');
    expect(g.say('unplug pillow')).toMatch(/Meelia night/);
    expect(g.host.state.flags.hub_unplugged).toBeFalsy();
  });
});

describe("Leo's dinosaur lamp", () => {
  it('TURN OFF and TURN ON THE LAMP are answered: it stays on, for the bar of light under the door', () => {
    const g = before('look under pillow');
    for (const typed of ['turn off lamp', 'switch off the lamp', 'turn on lamp', 'turn off the nightlight']) {
      expect(g.say(typed), typed).not.toMatch(/You can't switch/);
    }
    expect(g.say('turn off lamp')).toMatch(/bar of light under the door/);
    expect(g.say('turn on lamp')).toMatch(/already on/);
    expect(g.say('x dinosaur')).toMatch(/dinosaur lamp/);
    g.say('be leo');
    expect(g.say('switch off the lamp')).toMatch(/It stays on/);
  });
});
