// Findings of the ninth blind playtest, each played through the real story from the balance
// walkthrough's state at that moment.
import { describe, it, expect } from 'vitest';
import { game, gameBefore, mini, playedTo, story, walkthrough } from './helpers.js';

const world = story();
const before = playedTo();

describe('what the ninth playtest typed', () => {
  it('in the study, the binders are the manual, and VOL. 3 is one of them', () => {
    const g = before('unlock drawer with key');
    expect(g.host.state.player).toBe('elara');
    for (const typed of ['read vol 3', 'read manual', 'x architecture']) expect(g.say(typed), typed).not.toMatch(/don't know the word/);
    expect(g.say('read manual')).toContain('VOL. 3');
  });

  it('at the family table, sitting is on a chair of your own, and Mum is not at the kitchen counter', () => {
    const g = before('read hub');
    expect(g.host.state.act).toBe(5);
    const who = g.host.state.player;
    expect(['elara', 'leo']).toContain(who);
    g.run(`be ${who === 'elara' ? 'elara' : 'leo'}`);
    g.say('be elara');
    expect(g.host.state.player).toBe('elara');
    expect(g.say('go to family table')).not.toMatch(/can't/);
    expect(g.say('x me')).not.toMatch(/kitchen counter/);
    expect(g.say('sit on chair')).toMatch(/fourth chair/);
    g.say('be leo');
    expect(g.say('sit on chair')).not.toMatch(/the chairs/);
  });
});

describe('what is said is quoted as a sentence', () => {
  it('SAY puts the name before the words, starts them with a capital, and ends them with their own mark or a full stop', () => {
    const g = before('talk to jaime');
    // (A goodnight said to him is GOODNIGHT JAIME since playtest 12: game.yaml's saidAsVerb.)
    expect(g.say('say "see you!" to jaime')).toMatch(/^You say to Jaime, "See you!"/);
    expect(g.say('say hello to jaime')).toMatch(/^You say to Jaime, "Hello\."/);
    expect(g.say('say hello to jaime')).not.toMatch(/", to /);
  });
});

describe('continuity the ninth playtest found', () => {
  it('comforted twice with no kettle on, Mia does not ask about tea she never heard being made', () => {
    const g = gameBefore(world, walkthrough('ending-balance-unrested.txt'), 'comfort mia');
    expect(g.say('comfort mia')).toMatch(/I'll go and lie there/);
    const again = g.say('comfort mia');
    expect(again).not.toMatch(/kettle|tea/i);
    expect(again).toMatch(/I said I'd try/);
  });
});

describe('the hub is something to talk about', () => {
  it('in act 5, asking about the hub is asking about NanoDream', () => {
    const g = before('read hub');
    g.say('west');
    for (const who of ['mia', 'jaime', 'leo']) {
      expect(g.say(`ask ${who} about the hub`), who).toBe(g.say(`ask ${who} about nanodream`));
      expect(g.say(`ask ${who} about the hub`), who).not.toMatch(/No idea|shrugs/);
    }
  });
});

describe('lights and the compass', () => {
  it('when all three are in bed, Leo\'s lamp is still on; and the compass came back out of the dream, as the morning says', () => {
    const text = JSON.stringify(world);
    const allInBed = world.scenes.find((sc) => sc.id === 'act1_all_in_bed');
    expect(JSON.stringify(allInBed?.say)).toMatch(/dinosaur lamp/);
    expect(JSON.stringify(allInBed?.say)).not.toMatch(/Only one light/);
    expect(text).not.toMatch(/never went into the dream/);
    expect(text).toMatch(/came back out of the dream with him/);
  });
});

describe('going through a door', () => {
  it('GO THROUGH LEO\'S DOOR is going west from the hallway; ENTER MIA\'S DOOR east', () => {
    const g = game(world);
    g.say('north');
    expect(g.host.state.loc.elara).toBe('hallway');
    g.say("go through leo's door");
    expect(g.host.state.loc.elara).toBe('leo_room');
    g.say('east');
    g.say("enter mia's door");
    expect(g.host.state.loc.elara).toBe('mia_room');
  });

  it('in the fixture story, ENTER the door of an exit is going that way: shut, it stops you as going would', () => {
    const g = game(mini);
    const shut = g.say('enter the garden door');
    expect(g.host.state.loc[g.host.state.player]).toBe('hall');
    expect(shut).toBe(g.say('north'));
  });
});

describe('the tenth round of fixes', () => {
  it('at the Star Stairs, the way up is listed once, as up, not also as its alias north', () => {
    const g = before('talk to jaime');
    const exits = g.say('exits');
    expect(exits).toMatch(/\bup\b/);
    expect(exits).not.toMatch(/north/);
    expect(g.say('look')).not.toMatch(/\bnorth\b/i);
  });
});

describe('one imagining, however many it is for', () => {
  it('IMAGINE STAIRS FOR MIA AND JAIME is one act, told once', () => {
    const g = before('talk to jaime');
    const once = g.say('imagine stairs');
    const g2 = before('talk to jaime');
    expect(g2.say('imagine stairs for mia and jaime')).toBe(once);
  });
});
