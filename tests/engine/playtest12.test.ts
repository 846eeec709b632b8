// Findings of the twelfth blind playtest, each played through the real story from a
// walkthrough's state at that moment.
import { describe, it, expect } from 'vitest';
import { game, playedTo, story, walkthrough } from './helpers.js';

const world = story();
const walk = walkthrough('ending-balance.txt');
const before = playedTo();

describe('what the twelfth playtest asked about', () => {
  it('in the Corridor of Memories, the kitchen window is remembered by its window', () => {
    const g = before('remember kitchen');
    expect(g.say('remember window')).toMatch(/You stand at the kitchen-window frame/);
    expect(g.say('remember window')).toMatch(/You have that one already/);
  });
});

describe('at the Night Specter', () => {
  it('Kirra, the real mountains, answers the small grey world', () => {
    const g = before('tell leo about the study door');
    expect(g.say('tell leo about kirra')).toMatch(/real world isn't small.*Kirra/s);
    expect(g.host.state.flags.answered_world).toBe(true);
    const h = before("tell leo it's all right to be scared");
    expect(h.say('tell leo about his boots')).toMatch(/Night Specter sits down/);
  });
});

describe('the Upside-Down Kitchen', () => {
  it('x kitchen describes the room, not the table', () => {
    const g = before('remember home');
    g.say('n');
    expect(g.say('e')).toMatch(/Upside-Down Kitchen/);
    const kitchen = g.say('x kitchen');
    expect(kitchen).toMatch(/It's you that's upside down/);
    expect(kitchen).not.toMatch(/burn mark/);
    expect(g.say('x kitchen table')).toMatch(/burn mark/);
  });
});

describe("Jaime's own mum", () => {
  it('"his mum" is the one on nights at the hospital; "mum" is still Elara', () => {
    const g = before('switch to mia');
    g.say('switch to mia');
    expect(g.say('ask jaime about his mum')).toMatch(/Nights at the hospital/);
    expect(g.say('ask jaime about your mother')).toMatch(/Nights at the hospital/);
    expect(g.say('ask jaime about mum')).toMatch(/Elara's nice/);
    const dream = before('talk to jaime');
    expect(dream.say('ask jaime about your mum')).toMatch(/camp bed with a cupholder/);
  });
});

describe('orders to Jaime at bedtime', () => {
  it('told to go somewhere, Jaime stays put for bed, not for rearranging things', () => {
    const g = before('switch to jaime');
    expect(g.host.state.player).toBe('elara');
    const go = g.say('jaime, go east');
    expect(go).toMatch(/The only place I'm going tonight is my camp bed/);
    expect(go).not.toMatch(/rearrange/);
    expect(g.say('jaime, follow me')).toMatch(/my camp bed/);
  });
});

describe("Leo's felt-tip drawing", () => {
  it('shown to Leo, Mia or Jaime, each of them has something to say about it', () => {
    const g = before('give tea to mia');
    g.say('take drawing');
    const leo = g.say('show drawing to leo');
    expect(leo).toMatch(/Leo goes red to the ears/);
    expect(leo).not.toMatch(/politely, but says nothing/);
    expect(g.say('give drawing to leo')).toMatch(/little pencil figure/);
    expect(g.say('show drawing to mia')).toMatch(/little pencil figure/);
    expect(g.say('show drawing to jaime')).toMatch(/exclamation marks/);
  });
});

describe('the Star Stairs, before Leo waits', () => {
  it('running up is answered with why Leo does not: the promise, and no stair for the others', () => {
    const g = before('talk to jaime');
    expect(g.host.state.player).toBe('leo');
    expect(g.say('look')).toMatch(/You could run/);
    expect(g.say('u')).toMatch(/You promised to wait for them at the gate.*nobody else has a stair/s);
    expect(g.say('run up the stairs')).toMatch(/You promised Jaime you'd wait for them at the gate/);
    expect(g.say('climb stairs')).toMatch(/no stair for them/);
  });
});

describe('the Star Stairs, who is where', () => {
  it('before Leo waits, the others are at the end of the bridge with no stair, and Leo is on his', () => {
    const g = before('talk to jaime');
    const look = g.say('look');
    expect(look).toMatch(/Jaime stands at the end of the bridge, hands on hips, where there's no stair for him/);
    expect(look).toMatch(/Mia waits on the last plank of the bridge/);
    expect(look).not.toMatch(/Jaime is here|Mia is here/);
    expect(g.say('switch to jaime')).toMatch(/Leo is four steps up his ribbon of stars/);
    g.say('ask leo about meelia');
    expect(g.say('switch to mia')).toMatch(/Jaime is here, scarf and all/);
  });
});

describe("the epilogue and Mia's ribbon", () => {
  const play = (lines: readonly string[]) => {
    const g = game(world);
    return g.run(...lines).join('\n');
  };
  it('the dream keeps the ribbon only when nobody took it off the stump', () => {
    const carried = play(walk);
    expect(carried).toMatch(/Leo gives Mia her blue ribbon back/);
    expect(carried).not.toMatch(/nobody went back for/);
    const sent = play(walkthrough('ending-balance-ribbon.txt'));
    expect(sent).toMatch(/went up a seam in the sky/);
    expect(sent).not.toMatch(/nobody went back for/);
    const left = play(walk.filter((l) => l !== 'take ribbon'));
    expect(left).toMatch(/snagged on a stump of ice in a grove nobody went back for/);
  });
});

describe('looking at Jaime in the dream', () => {
  it('as Leo, he has one eye on you; as Mia, his hand is near your elbow', () => {
    const g = before('talk to jaime');
    const asLeo = g.say('x jaime');
    expect(asLeo).toMatch(/one eye on you/);
    expect(asLeo).not.toMatch(/one eye on Leo/);
    g.say('switch to mia');
    expect(g.say('x jaime')).toMatch(/one eye on Leo and one on the path, and a hand near your elbow/);
  });
});

describe("Mia's edges of things", () => {
  it('as Mia, the edges she looks at are the seams she sees; at the gate, its seam', () => {
    const g = before('talk to jaime');
    g.say('switch to mia');
    expect(g.say('x edges')).toMatch(/The seams are everywhere/);
    expect(g.say('x edge')).not.toMatch(/can't see any/);
    g.say('switch to leo');
    expect(g.say('x edges')).toMatch(/The dream looks whole to you/);
    const gate = before('x seam');
    expect(gate.host.state.player).toBe('mia');
    expect(gate.say('x edges')).toMatch(/where picture meets sky/);
  });
});
