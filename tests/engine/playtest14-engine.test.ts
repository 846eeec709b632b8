// Blind playtest 14: what the parser and engine made of a player's commands.
import { describe, expect, it } from 'vitest';
import { game, playedTo, story } from './helpers.js';

const before = playedTo('ending-balance.txt');

/** A new game, Elara walked into Leo's room at bedtime, where Leo and Jaime are. */
function inLeosRoom() {
  const g = game(story());
  g.run('n', 'w');
  return g;
}

describe('playtest 14', () => {
  it('asking someone for what no thing is called is asking them about it, not an order to hand it over', () => {
    const g = before('talk to jaime');
    const asked = g.say('ask jaime for help with the plan');
    expect(asked).not.toMatch(/keeps it|doesn't seem to have that to give/);
    expect(asked).toBe(g.say('undo') && g.say('ask jaime about help with the plan'));
  });

  it('asking for a thing the story has is still asking to be given it', () => {
    const g = before('talk to jaime');
    expect(g.say('ask jaime for the scarf')).not.toBe(g.say('undo') && g.say('ask jaime about the scarf'));
  });
});

describe('playtest 14: the morning kitchen', () => {
  it('the kettle and the coffee answer for themselves, and the spatula is not said to be in your hand', () => {
    const g = before('read hub');
    const kettle = g.say('x kettle');
    expect(kettle).toMatch(/kettle/i);
    expect(kettle).not.toBe(g.say('x counter'));
    expect(g.say('x coffee')).toMatch(/coffee/i);
    expect(g.say('x spatula')).not.toMatch(/put it down|holding it/);
  });
});

describe('playtest 14: a book by its title', () => {
  it('THE BOY WHO CLIMBED KIRRA names the bookshelf it stands on', () => {
    const g = inLeosRoom();
    expect(g.say('read the boy who climbed kirra to leo')).toMatch(/pull out The Boy Who Climbed Kirra/);
    expect(g.say('x the boy who climbed kirra')).toMatch(/adventure books/);
  });
});

describe('playtest 14: an order to sit', () => {
  it('JAIME, SIT DOWN is answered about sitting, alone or with Leo', () => {
    const g = inLeosRoom();
    expect(g.say('leo and jaime, sit down')).toMatch(/"Sitting," says Jaime/);
    expect(g.say('jaime, sit')).toMatch(/"Sitting," says Jaime/);
  });
});

describe('playtest 14: PLAN', () => {
  it('is a verb, and an order Jaime answers in his own voice', () => {
    const g = inLeosRoom();
    expect(g.say('jaime, plan the trains')).toMatch(/"I plan best when it's my own idea," says Jaime/);
    expect(g.say('plan the trip')).toMatch(/You plan it all in your head/);
  });
});
