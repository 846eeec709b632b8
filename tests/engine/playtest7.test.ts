// Leftovers from the sixth and seventh blind playtests (fix7): presence slips, where a line
// plays only where its speaker can perceive it, and commands a player expects an answer to.
// Each is played through the real story, from the balance walkthrough's state at that moment.
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadContent } from '../../src/content/load.js';
import { gameBefore, walkthrough } from './helpers.js';

const ROOT = join(import.meta.dirname, '../..');
const world = loadContent(join(ROOT, 'content'));
const walk = walkthrough('ending-balance.txt');

const before = (cmd: string, nth = 1, lines = walk) => gameBefore(world, lines, cmd, nth);

describe("Jaime's first look at the dream (presence)", () => {
  it('counts only the heads that are in sight', () => {
    const cases: [string, string, RegExp, RegExp][] = [
      ['lullaby_meadow', 'lullaby_meadow', /You check that Leo is in sight\. You check that Mia is in sight\./, /Mia isn't|Leo isn't|neither/],
      ['whisper_brook', 'lullaby_meadow', /Leo isn't/, /Leo is in sight/],
      ['lullaby_meadow', 'cloudwhale_shore', /Mia isn't/, /Mia is in sight/],
      ['whisper_brook', 'cloudwhale_shore', /neither of them is in sight/, /(Leo|Mia) is in sight/],
    ];
    for (const [leoAt, miaAt, said, notSaid] of cases) {
      const g = before('x mia');
      g.host.state.loc.leo = leoAt;
      g.host.state.loc.mia = miaAt;
      const first = g.run('be jaime').at(-1)!;
      expect(first, `${leoAt} ${miaAt}`).toMatch(said);
      expect(first, `${leoAt} ${miaAt}`).not.toMatch(notSaid);
      expect(first).toContain('Somebody has to be the one who counts heads');
    }
  });
});

describe('the party gathering in the glass orchard (presence)', () => {
  it('the unexplained breeze crosses the bridge last only when Elara has not gone over ahead', () => {
    // Leo has made the bridge and stands at the brook; the others are in the meadow.
    const ahead = ['be elara', 'n', 'n'];
    for (const [elaraFirst, then] of [[false, ['be jaime', 'n', 'n']], [true, ['be jaime', 'n', 'n']], [false, ['n']], [true, ['n']]] as const) {
      const g = before('n', 4);
      if (elaraFirst) g.run(...ahead, 'be leo');
      expect(g.host.state.player).toBe('leo');
      const gathered = g.run(...then).at(-1)!;
      expect(gathered).toMatch(elaraFirst ? /already stirring/ : /crosses last/);
      expect(gathered).not.toMatch(elaraFirst ? /crosses last/ : /already stirring/);
      expect(g.host.state.flags.gathered_orchard).toBe(true);
    }
  });
});

describe('the morning table and the bedtime round (continuity)', () => {
  it('Elara sees at the table the children who are at it, and the empty chairs of those gone up to the roof', () => {
    const cases: [string[], RegExp][] = [
      [[], /three children eating at it and the fourth chair pulled out for you/],
      [['leo'], /Mia and Jaime still eating at it\. Leo's chair is pushed back/],
      [['jaime'], /Mia and Leo still eating at it\. Jaime's chair is pushed back/],
      [['leo', 'jaime'], /only Mia still eating at it/],
    ];
    for (const [onRoof, seen] of cases) {
      const g = before('west', 4);
      expect(g.host.state.player).toBe('elara');
      for (const c of onRoof) g.host.state.loc[c] = 'rooftop_garden';
      const look = g.run('west').at(-1)!;
      expect(look, onRoof.join()).toMatch(seen);
      expect(look).not.toContain('four people eating');
    }
  });

  it("Jaime's morning head count notices Leo gone up to the roof", () => {
    const g = before('west', 4);
    g.host.state.loc.leo = 'rooftop_garden';
    const first = g.run('be jaime').at(-1)!;
    expect(first).toContain("Leo's chair is empty");
    const h = before('west', 4);
    expect(h.run('be jaime').at(-1)).toContain('Head count: one, two, three, four.');
  });

  it("in the bedtime round Jaime asks for the cloudwhale without claiming to have seen it (he never went to the shore)", () => {
    const g = before('sit on cushions');
    expect(g.host.state.visited.jaime).not.toContain('cloudwhale_shore');
    const round = g.run('sit on cushions').at(-1)!;
    expect(round).toContain('Dream thing, the cloudwhale. Properly');
    expect(round).not.toContain('cloudwhales again');
  });
});

describe('replies from several people at once (format)', () => {
  it('names each speaker once: a reply that says who speaks is not headed by the name as well', () => {
    const g = before('look under pillow');
    const ordered = g.run('everyone, go to sleep').at(-1)!;
    expect(ordered).toContain('"Two minutes," says Jaime.');
    expect(ordered).not.toMatch(/Jaime: "Two minutes," says Jaime/);
    expect(ordered).not.toMatch(/^(Leo|Mia|Jaime):/m);
    // A reply that does not say who it is from keeps its name in front.
    const hugged = g.run('hug the children').at(-1)!;
    expect(hugged).toMatch(/^Leo: He allows it/m);
    expect(hugged).toMatch(/^Mia: She goes stiff/m);
    expect(hugged).not.toMatch(/^Jaime: Jaime hugs/m);
  });
});

describe("Mia's blue ribbon is there before the epilogue (continuity)", () => {
  it('she wears it at bedtime and into the dream; on the floe it is gone until it comes up the seam', () => {
    const bedtime = before('look under pillow');
    expect(bedtime.run('look').at(-1)).toContain('a blue ribbon in her hair');
    expect(bedtime.run('x mia').at(-1)).toContain('blue ribbon');
    expect(before('x mia').run('x mia').at(-1)).toContain('blue ribbon in her hair');
    const floe = before('comfort mia');
    expect(floe.host.state.player).toBe('jaime');
    expect(floe.host.state.flags.ribbon_sent ?? false).toBe(false);
    expect(floe.run('x mia').at(-1)).toContain('tore her ribbon out');
    floe.host.state.flags = { ...floe.host.state.flags, ribbon_sent: true };
    expect(floe.run('x mia').at(-1)).toContain('tied back again with her blue ribbon');
  });
});

describe('commands the playtests expected an answer to', () => {
  it('SET GUARDIAN MODE TO … names the hub\'s settings, and changes them as USE HUB does', () => {
    const g = before('use hub');
    expect(g.host.state.player).toBe('elara');
    const set = g.run('set guardian mode to visible').at(-1)!;
    expect(set).not.toMatch(/can't see any/);
    expect(set).toContain('Guardian: visible');
    expect(g.host.state.flags.reassessed).toBe(true);
    expect(g.run('set guardian mode to on').at(-1)).toContain("You've made your choice about the hub");
  });
});

describe('holding a hand (playtest)', () => {
  it("HOLD MIA'S HAND on the floe steadies her as comforting her does", () => {
    for (const typed of ["hold mia's hand", "take mia's hand", 'hold hands with mia']) {
      const g = before('comfort mia');
      const comforted = before('comfort mia').run('comfort mia').at(-1)!;
      expect(g.run(typed).at(-1), typed).toBe(comforted);
      expect(g.host.state.flags.jaime_steadies_mia, typed).toBe(true);
    }
  });

  it("HOLD LEO'S HAND in the hollow of night is what a hug is to him (Elara shows herself)", () => {
    const g = before('talk to leo');
    expect(g.host.state.player).toBe('elara');
    const hugged = before('talk to leo').run('hug leo').at(-1)!;
    expect(hugged).toContain('Elara shows Leo who has been with him');
    expect(g.run("hold leo's hand").at(-1)).toBe(hugged);
  });
});

describe('the old hiking boots in the morning (playtest)', () => {
  it('TAKE BOOTS at the table answers for each of the family, and leaves them where they are', () => {
    const g = before('talk to mia');
    expect(g.host.state.player).toBe('elara');
    const said = new Set<string>();
    for (const who of ['elara', 'leo', 'mia']) {
      if (who !== 'elara') g.run(`be ${who}`);
      const took = g.run('take boots').at(-1)!;
      expect(took, who).not.toMatch(/part of the place|can't see/);
      said.add(took);
      expect(g.host.state.loc.table_boots).toBe('family_table');
    }
    expect(said.size).toBe(3);
  });
});

describe('COUNT HEADS (playtest)', () => {
  it('Jaime counts the children in sight; anyone else gets a plain answer, not "You can\'t see any heads"', () => {
    const g = before('x mia');
    expect(g.run('count heads').at(-1)).toContain('You count heads, the way Jaime does');
    expect(g.run('be jaime', 'count heads').at(-1)).toContain('Leo: one. Mia: two. You: three.');
    g.host.state.loc.leo = 'whisper_brook';
    expect(g.run('do a head count').at(-1)).toContain('No Leo');
    g.host.state.loc.mia = 'cloudwhale_shore';
    expect(g.run('count everyone').at(-1)).toContain("That isn't a head count, that's a problem");
  });
});

describe('LOOK DOWN (playtest)', () => {
  it('on the floe and at its edge shows what is below; elsewhere a plain answer, never "You can\'t see any down"', () => {
    const g = before('take lantern');
    expect(g.host.state.player).toBe('mia');
    expect(g.run('look down').at(-1)).toContain('the whirlpool goes down and down');
    expect(g.run('look over the edge').at(-1)).toContain('the whirlpool goes down and down');
    g.run('north');
    expect(g.run('look down').at(-1)).toMatch(/^Down through the thin air the seam runs/);
    expect(g.run('be jaime', 'look down').at(-1)).toContain('the biggest plughole in the world');
    const meadow = before('x mia').run('look down').at(-1)!;
    expect(meadow).toBe("You look down. Your own feet, and the ground under them; nothing you hadn't seen.");
  });
});

describe('X SEAMS (playtest)', () => {
  it('in the dream Mia sees seams everywhere and the others see none; on the floe the seam is the stitches leading to it', () => {
    const g = before('x mia');
    expect(g.run('x seams').at(-1)).toContain('The dream looks whole to you');
    expect(g.run('be mia', 'x seams').at(-1)).toContain('The seams are everywhere');
    expect(g.run('n', 'x seam').at(-1)).toContain('The seams are everywhere');
    expect(before('take lantern').run('x seam').at(-1)).toContain('Little silver stitches run all round the rim of the floe');
    // The frost gate's own seam still answers there.
    expect(before('x seam').run('x seams').at(-1)).toContain('Down the left side of the painted gate');
  });
});

describe('doors in the hollow of night and the field (playtest)', () => {
  it('X DOORS and OPEN DOOR are answered about the door, never as "the lights"', () => {
    const g = before('talk to leo');
    expect(g.host.state.loc.elara).toBe('hollow_of_night');
    const seen = g.run('x doors').at(-1)!;
    expect(seen).toContain('There is no door down here');
    expect(seen).not.toContain('lights');
    const opened = g.run('open door').at(-1)!;
    expect(opened).toContain('There is no door');
    expect(opened).not.toMatch(/open the lights/);
    const field = before('talk to leo');
    field.run('north');
    expect(field.run('open door').at(-1)).toContain('They open when he understands what they are');
  });
});

describe('FOLLOW FOX (playtest)', () => {
  it('in the crystal grove following the ice fox takes you east into the hollow, with the others', () => {
    const g = before('x thicket');
    expect(g.host.state.loc.mia).toBe('crystal_grove');
    const followed = g.run('follow fox').at(-1)!;
    expect(followed).toContain('You go after her');
    expect(followed).toContain('Echo Hollow');
    expect(g.host.state.loc.mia).toBe('echo_hollow');
    const walked = before('x thicket');
    walked.run('east');
    for (const who of ['leo', 'jaime', 'elara']) expect(g.host.state.loc[who], who).toBe(walked.host.state.loc[who]);
  });
});

describe('ASK LEO ABOUT KIRRA (playtest)', () => {
  it('Leo answers about Kirra and the adventure books, in each act, instead of a shrug', () => {
    const shrug = /shrug of a boy who has been asked too many questions/;
    const bedtime = before('look under pillow');
    const mum = bedtime.run('ask leo about kirra').at(-1)!;
    expect(mum).toContain('Kirra poster used to hang');
    expect(mum).not.toMatch(shrug);
    expect(bedtime.run('ask leo about the books').at(-1)).toBe(mum);
    expect(bedtime.run('be jaime', 'ask leo about kirra').at(-1)).toContain("I've done Kirra");
    expect(before('x mia').run('be jaime', 'ask leo about kirra').at(-1)).toContain('Kirra was real');
    expect(before('talk to mia').run('be jaime', 'ask leo about kirra').at(-1)).toContain('Lake Orin first. Then Kirra.');
  });
});

describe('IT after MAKE TEA (playtest)', () => {
  it('free words that name one thing here make it "it": PUT HONEY IN IT after MAKE TEA is the tea', () => {
    const g = before('fill kettle');
    expect(g.host.state.pronouns.it).toBe('music_box');
    g.run('make tea');
    expect(g.host.state.pronouns.it).toBe('mug');
    const honeyed = g.run('put honey in it').at(-1)!;
    expect(honeyed).not.toMatch(/music box/);
    expect(honeyed).toBe(before('fill kettle').run('make tea', 'put honey in mug').at(-1));
  });
});

describe("GO TO LEO'S ROOM in act 5 (playtest)", () => {
  it('is the bedroom along the hall (not last night\'s room), and says what keeps you out of it in the morning', () => {
    const morning = before('west', 4);
    morning.run('west');
    const refused = morning.run("go to leo's room").at(-1)!;
    expect(refused).not.toMatch(/find a way back to Leo's Room/);
    expect(refused).toBe(before('west', 4).run('west', 'north').at(-1));
    expect(morning.host.state.loc.elara).toBe('family_table');
    const night = before('sit on cushions');
    expect(night.host.state.loc.elara).toBe('bedtime_room');
    night.run('go to the kitchen');
    expect(night.host.state.loc.elara).toBe('morning_kitchen');
    expect(night.run("go to leo's room").at(-1)).toContain('On the way you pass through: The Family Table.');
    expect(night.host.state.loc.elara).toBe('bedtime_room');
    // Where more than one shut way is in the way (the dream rolled up behind the party), it is no way.
    expect(before('nudge moths').run('go to the meadow').at(-1)).toBe("You can't find a way back to Lullaby Meadow from here just now.");
  });
});
