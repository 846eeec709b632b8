// Findings of the fourteenth blind playtest, each played through the real story from a
// walkthrough's state at that moment.
import { describe, it, expect } from 'vitest';
import { playedTo } from './helpers.js';

const before = playedTo();

describe('the morning kitchen', () => {
  it('the coffee and the kettle answer for themselves, not as the counter', () => {
    const g = before('read hub');
    const drink = g.say('drink coffee');
    expect(drink).not.toMatch(/counter/);
    expect(drink).toMatch(/far too strong/);
    expect(g.host.state.flags.reassessed).toBeFalsy();
    const kettle = g.say('x kettle');
    expect(kettle).toMatch(/boiled twice already this morning/);
    expect(kettle).not.toMatch(/White counters/);
    expect(g.say('x coffee')).toMatch(/five this morning/);
  });
});
