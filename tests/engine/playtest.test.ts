// What two blind playtests (this stop) typed and the game did not understand, now played through
// the real story at the moment they typed it: the walkthrough up to that point, then their words.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../../src/content/load.js';
import { game } from './helpers.js';

// The fixture story (game() with no world) for the parser's manners; the real story for the rest.

const ROOT = join(import.meta.dirname, '../..');
const world = loadContent(join(ROOT, 'content'));
/** A walkthrough's commands, in order. */
const walkOf = (file: string): string[] => readFileSync(join(ROOT, 'tests/playthroughs', file), 'utf8')
  .split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2).trim());
const walk = walkOf('ending-balance.txt');

/** The walkthrough up to (not including) the first `before` (or its first n commands), then `typed`: the last reply. */
function at(before: string | number | null, ...typed: string[]): string {
  const g = game(world);
  const n = before === null ? 0 : typeof before === 'number' ? before : walk.indexOf(before);
  expect(n, `"${before}" is in the walkthrough`).toBeGreaterThanOrEqual(0);
  g.run(...walk.slice(0, n));
  return g.run(...typed).at(-1)!;
}

describe('what the playtests typed', () => {
  it('draw on the map with the pencil on its string, as the pencil itself suggests', () => {
    expect(at('use pencil on map', 'draw on map with pencil')).toContain('You grab the pencil on its string');
    expect(at('use pencil on map', 'draw on map')).toContain('You grab the pencil on its string');
  });

  it('change the hub\'s settings, or set one of the settings its screen names', () => {
    expect(at('use hub', 'change the settings')).toContain('Shared dreams only');
    expect(at('use hub', 'set nights to weekends')).toContain('Shared dreams only');
  });

  it('shout to Leo from the seam, though he is far below', () => {
    expect(at('shout leo', 'shout to leo')).toContain('FOLLOW THE LINE');
  });

  it('peel the corner that "lifts like the corner of a sticker"', () => {
    expect(at('open seam', 'peel corner')).toContain('Peel back the painted Frost Gate');
  });

  it('tap the fruit that "rings when you tap it"', () => {
    expect(at(walk.indexOf('take fruit') + 1, 'tap fruit')).toMatch(/It rings/);
  });

  it('examine the thing just taken: the one in hand wins over one that shares its name', () => {
    // The playtest: `x leaf` just after taking the frost leaf asked "the frost leaf or the ice trees?".
    const g = game();
    g.run('look under mat', 'take glass key');
    expect(g.say('x key')).toBe('A brittle glass key.');
    g.run('drop glass key');
    expect(g.say('x key')).toMatch(/Which do you mean/);
  });

  it('show something to a thing: it is only shown it, and named with its article', () => {
    // The playtest: "Night Specter looks at the blue hair ribbon politely" (an item, no article).
    const g = game();
    g.run('take apple');
    expect(g.say('show apple to mat')).toBe('You hold the apple up to the mat. Nothing comes of it.');
    expect(g.say('show apple to bob')).toBe('Bob looks at the apple politely, but says nothing.');
  });

  it('tuck the children in, and say goodnight to them', () => {
    expect(at(null, 'n', 'w', 'tuck in mia')).toContain('You rub her back');
    expect(at(null, 'n', 'w', 'goodnight mia')).toBe('You say goodnight to Mia.');
  });

  it('HELP SET is about setting things, not about setting fire to them', () => {
    expect(at(null, 'help set')).toMatch(/^set THING to/);
  });
});

describe('what the playtests typed, second list', () => {
  it('speaking to Leo far below the seam is shouting to him: tell, order, say with his name', () => {
    for (const typed of ['tell leo about the stitches', 'tell leo to go east', 'say "Leo, follow the stitches east"', 'leo, follow the stitches']) {
      expect(at('shout leo', typed), typed).toContain('LEO! FOLLOW THE LINE!');
    }
    // Where nobody answers SHOUT, someone absent is still not here.
    expect(at(null, 'tell leo about meelia')).toBe("You can't see any Leo here.");
  });

  it("a name's possessive names the thing, and a person's hand is the person", () => {
    // On the floe holding Mia's hand steadies her (fix7): the hand is Mia, whatever holding her does.
    expect(at('comfort mia', "take mia's hand")).toBe(at('comfort mia', 'hold mia'));
    expect(at('comfort mia', "take mia's hand")).toContain('You sit down on the ice next to her');
    // Jaime is the one on the floe: his own hand is his (not "You hold on to Jaime").
    expect(at('comfort mia', 'hold jaime\u2019s hand')).toBe('You clasp your own hands together. It is something to hold on to.');
    expect(at('comfort mia', 'hold leo\u2019s hand')).not.toMatch(/yourself|your own/);
    expect(at('comfort mia', 'hold hand')).toBe(at('comfort mia', 'hold mia'));
    expect(at(walk.indexOf('take ribbon') + 1, "x mia's ribbon")).toMatch(/^It's Mia's\./);
    // Something of someone's is named as theirs, without "any" (playtest 10: "any Leo's thread").
    expect(at(null, "x leo's drawing")).toBe("You can't see Leo's drawing here.");
    // A lone owner's name is the person, never the thing they own.
    expect(at(null, 'x leo')).toBe("You can't see any Leo here.");
  });

  it('tea the way people say it: water, the tap, the kettle on, make tea', () => {
    expect(at('fill kettle', 'pour water in mug')).toMatch(/^Cold water from the tap/);
    expect(at('fill kettle', 'boil water')).toMatch(/under the tap .* clicks off/);
    expect(at('fill kettle', 'turn on tap')).toMatch(/^You run the tap/);
    expect(at('turn on kettle', 'put kettle on')).toMatch(/You click the switch/);
    expect(at('pour kettle into mug', 'pour hot water in mug')).toMatch(/^You pour\./);
    const g = game(world);
    g.run(...walk.slice(0, walk.indexOf('fill kettle')));
    expect(g.say('make tea')).toMatch(/The water goes gold\.\s+Honey, if anyone is being kind\./);
    expect(g.say('make tea')).toBe('The tea is made. It only wants honey, if anyone is being kind.');
    g.run('put honey in mug', 'take mug', 'w', 'n', 'w');
    expect(g.say('give tea to mia')).not.toMatch(/can't|isn't/);
  });

  it('asking Jaime what he hides behind his back', () => {
    expect(at(null, 'n', 'w', 'ask jaime what he is hiding')).toContain('MEELIA — ICE FOREST EXPEDITION');
    expect(at(null, 'n', 'w', 'ask jaime about the thing behind his back')).toContain('MEELIA — ICE FOREST EXPEDITION');
  });

  it('examine all, ordinals and plurals among things named alike', () => {
    expect(at(null, 'e', 'x all')).toMatch(/^Mia's mug:/);
    const g = game(world);
    g.run(...walk.slice(0, walk.indexOf('take ribbon') + 1), 'w');
    expect(g.say('x third mirror')).toMatch(/^It is you, nearly/);
    expect(g.say('x last mirror')).toMatch(/^It is you, nearly/);
    expect(g.say('x mirror')).toBe('Which do you mean, the bedroom mirror, the dinner-table mirror or your reflection?');
    const doors = at(null, 'n', 'x doors');
    expect(doors).toContain("Leo's door:");
    expect(doors).toContain("Mia's door:");
  });

  it('waving a thing is not waving at it; a bed is your own bed', () => {
    expect(at('north', 'wave lantern')).toBe('You wave the frost lantern about. Nothing comes of it.');
    expect(at('north', 'wave at lantern')).toBe("You wave at the frost lantern. It doesn't wave back.");
    expect(at('north', 'wave to jaime')).toBe('You wave to Jaime, and Jaime waves back.');
    expect(at(walk.indexOf('switch to leo'), 'switch to leo', 'x bed')).toMatch(/^Your bed, under the window/);
    expect(at(walk.indexOf('switch to leo'), 'x bed')).toMatch(/camp bed/i);
  });

  it('the things offered, followed, caught, read and looked through', () => {
    expect(at('ask specter about fear', 'give ribbon to specter')).toMatch(/^You hold it out/);
    expect(at(null, 'n', 'w', 'read a story')).toContain('The Boy Who Climbed Kirra');
    expect(at(null, 'n', 'w', 'read to leo')).toContain('The Boy Who Climbed Kirra');
    expect(at(null, 'look through window')).toMatch(/^Floor-to-ceiling glass/);
    expect(at(null, 'look behind frame', 'take slip')).toMatch(/^You slide it out/);
  });

  it('ordering everyone at once: each answers for themselves', () => {
    const reply = at(null, 'n', 'w', 'tell the children to go to sleep');
    // Each answers in a paragraph of their own, named once: "\"Two minutes,\" says Jaime.", not "Jaime: \"Two minutes,\" says Jaime."
    for (const name of ['Leo', 'Mia', 'Jaime']) expect(reply).toMatch(new RegExp(`^"[^\n]*" says ${name}\\b`, 'm'));
    expect(reply).not.toMatch(/^(Leo|Mia|Jaime): /m);
    expect(at(null, 'everyone, go to sleep')).toBe('There is nobody here to ask.');
  });
});

describe('viewpoint and continuity, as the playtests read them', () => {
  it('Elara is Mum to her children, and still in her work clothes in the dream', () => {
    expect(at('talk to leo', 'hug leo')).toContain('in your work clothes');
    expect(at('talk to leo', 'talk to leo')).toContain('in your work clothes');
  });

  it('the climax is played: Leo asks the Specter, and Mum answers it in the words the player chooses', () => {
    const g = game(world);
    g.run(...walk.slice(0, walk.indexOf('examine specter')));
    const asked = g.say('examine specter');
    expect(asked).toContain('"What are you?"');
    expect(asked).toContain('You are now playing Elara.');
    expect(asked).not.toContain('[Your score');
    // A hug, or comfort before any answer, is not an answer.
    expect(g.say('hug leo')).toContain('a hug is not an answer');
    expect(g.say('tell leo it is all right to be scared')).toContain('Start with one of them');
    const door = g.say('tell leo about the study door');
    expect(door).toContain("I'm bad at saying no to work");
    expect(door).not.toContain('[Your score');
    const sat = g.say('tell leo about the real world');
    expect(sat).toContain("the real world isn't small");
    expect(sat).toContain('The Night Specter sits down in the grass');
    expect(sat).toContain('You are now playing Leo.');
    // What she promised is carried into the morning.
    expect(g.say('remember')).toContain('Starting tomorrow, you told him');
  });

  it("the Specter names the mirror's missing chair only when Leo has looked at it", () => {
    const g = game(world);
    const w = walk.slice(0, walk.indexOf('examine specter'));
    const mirrorAt = w.indexOf('take ribbon') + 1;
    g.run(...w.slice(0, mirrorAt), 'w', 'x second mirror', 'e', ...w.slice(mirrorAt));
    expect(g.say('examine specter')).toContain('I\'m the table in the mirror');
    expect(at('examine specter', 'examine specter')).toContain("I'm a dinner table with no chair for you");
  });
});

describe('act 4 after the override at the nexus', () => {
  const unplugged = walkOf('ending-unplugged.txt');
  const upTo = (cmd: string) => {
    const g = game(world);
    g.run(...unplugged.slice(0, unplugged.indexOf(cmd)));
    return g;
  };

  it('Leo knows the warmth that grabbed him, and the reveal says so', () => {
    const g = upTo('remove band');
    g.run('switch to leo');
    expect(g.say('look')).toContain('the thing that grabbed at everything up in the eye');
    g.run('switch to elara');
    const reveal = g.say('hug leo');
    expect(reveal).toContain('It was you. Up there. The thing that grabbed everything.');
    expect(reveal).toContain('I held on too hard');
  });

  it('Mum can answer for the grip as one of her answers to the Specter', () => {
    const g = upTo('examine specter');
    expect(g.say('examine specter')).toContain('You are now playing Elara.');
    expect(g.say('tell leo i held on too hard')).toContain("I've let go of them. Not of you.");
    expect(g.say('tell leo about the chair')).toContain('The Night Specter sits down in the grass');
  });

  it('without the override there is no grip to answer for', () => {
    const g = game(world);
    g.run(...walk.slice(0, walk.indexOf('examine specter')), 'examine specter');
    expect(g.say('tell leo about the lever')).not.toContain('holding on too hard');
  });
});


describe('the tea is optional (issue 14): a comfort settles Mia, who goes into the dream unrested', () => {
  const unrested = readFileSync(join(ROOT, 'tests/playthroughs/ending-balance-unrested.txt'), 'utf8')
    .split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2).trim());

  it('before the tea is begun, Mum\'s hand on her back is enough to send her to bed; then the kettle stays off', () => {
    const g = game(world);
    g.run('n', 'listen', 'w');
    expect(g.say('hint')).toMatch(/two things always worked/);
    expect(g.say('mia, go to sleep')).toContain('you used to make me tea');
    expect(g.say('comfort mia')).toContain('No tea tonight');
    expect(g.say('mia, go to sleep')).toContain('She pads off to her own room');
    g.run('e', 's', 'e');
    expect(g.say('fill kettle')).toContain('Chamomile tomorrow');
    expect(g.say('put honey in mug')).toContain('Chamomile tomorrow');
  });

  it('with the kettle already on, a comfort only makes her wait for the tea, and the tea path is as before', () => {
    const g = game(world);
    g.run('n', 'listen', 's', 'e', 'fill kettle', 'w', 'n', 'w');
    expect(g.say('comfort mia')).toContain('Is there tea coming?');
    expect(g.say('mia, go to sleep')).toContain('you used to make me tea');
    g.run('e', 's', 'e', 'turn on kettle', 'pour kettle into mug', 'put honey in mug', 'take mug', 'w', 'n', 'w');
    expect(g.say('give tea to mia')).toContain('You remembered the honey');
  });

  it('on the floe the unrested Mia shakes, cannot call the path, and Jaime steadies her by counting', () => {
    const g = game(world);
    g.run(...unrested.slice(0, unrested.indexOf('be mia')));
    expect(g.say('be mia')).toContain("Your hands won't stop shaking.");
    g.run('north');
    expect(g.say('shout leo')).toContain('what comes out is a croak');
    expect(g.say('hint')).toMatch(/hasn't slept properly/);
    g.run('be jaime', 'north');
    expect(g.say('comfort mia')).toContain('On the fourth breath she stops shaking.');
    g.run('be mia');
    expect(g.say('shout leo')).toContain('FOLLOW THE LINE!');
  });

  it('with the tea, the floe opens calm and Mia can call the path on her own', () => {
    const g = game(world);
    g.run(...walk.slice(0, walk.indexOf('be jaime')), 'be mia');
    expect(g.say('look')).toContain('annoyingly calm');
    g.run('north');
    expect(g.say('shout leo')).toContain('FOLLOW THE LINE!');
  });
});

describe('a ringing chime that everyone walks away from fades (issue 14)', () => {
  it('nobody is called back to a ringing chime; when the last child leaves it, it goes out', () => {
    const g = game(world);
    g.run(...walk.slice(0, walk.indexOf('strike chime') + 1)); // Leo rings the silver chime in the roost
    g.run('s');
    expect(g.say('switch to mia')).not.toContain('Leo catches you up');
    g.run('s', 'switch to jaime');
    expect(g.say('s')).toContain("Up in the roost, the silver chime's high note thins to a thread, and snaps.");
    // It can be rung again, and the walkthrough's way (someone stays by it) still works.
    g.run('n');
    expect(g.say('strike chime')).toContain('You strike the silver chime.');
  });

  it('the blue chime by the lake fades the same way', () => {
    const g = game(world);
    g.run(...walk.slice(0, walk.indexOf('x thicket') + 1), 'w', 'strike chime', 'e', 'switch to leo', 'e', 'switch to jaime');
    expect(g.say('e')).toContain("the blue chime's low note thins, and wavers, and goes out.");
  });
});

describe('what the third playtest typed', () => {
  it('Mia, calm after her tea, goes to bed: go to bed, go to my room', () => {
    const g = game(world);
    g.run(...walk.slice(0, walk.indexOf('give tea to mia') + 1), 'switch to mia');
    expect(g.say('go to bed')).toContain('Your own bed is across the hall');
    expect(g.say('go to my room')).toContain("Mia's Room");
    expect(g.say('go to bed')).toMatch(/weighted blanket/);
  });

  it("Leo's silver coat stays on; his clothes are words of him, not things", () => {
    expect(at('imagine stones', 'switch to leo', 'take off coat')).toMatch(/^You'd freeze/);
    expect(at('imagine stones', 'switch to leo', 'x silver coat')).toMatch(/silver explorer's coat/);
    expect(at(null, 'take off clothes')).toBe('What you have on stays on. You are dressed for where you are.');
  });

  it('saying something to someone here is heard; asked to say it, they say it', () => {
    const g = game(world);
    g.run(...walk.slice(0, walk.indexOf('talk to jaime')));
    expect(g.say('say "hi" to jaime')).toMatch(/^You say to Jaime, "Hi\."/);
    expect(g.say('jaime, "hi"')).toMatch(/^You say to Jaime, "Hi\."/);
    expect(g.say('jaime, say hi')).toBe('Jaime says, "Hi."');
    expect(g.say('jaime, talk to leo')).not.toContain('splitting up');
    expect(g.say('ask jaime')).toBe('What do you want to ask Jaime about?');
  });

  it('the things in reach: the leaf looked through, the pancake flipped, the milk, the air, a torch nobody brought', () => {
    expect(at('x thicket', 'take leaf', 'look through leaf')).toMatch(/^A leaf of clear ice/);
    expect(at('read hub', 'flip pancake')).toMatch(/^You flip the first pancake/);
    expect(at(null, 'e', 'take milk')).toMatch(/take out the milk/);
    expect(at('take lantern', 'x air')).toMatch(/the air goes thin/);
    expect(at('strike chime', 'ne', 'turn on torch')).not.toMatch(/can't switch on/);
  });

  it('a thousand-letter word is named by its start, not echoed whole', () => {
    const reply = at(null, `take ${'q'.repeat(900)}`);
    expect(reply.length).toBeLessThan(120);
    expect(reply).toContain('…');
  });

  it('straighten the crooked photo, read a book to Leo, show Mia her mug, and Jaime has his own torch', () => {
    expect(at(null, 'straighten photo')).toMatch(/^You straighten the frame/);
    expect(at(null, 'n', 'w', 'read book to leo')).toContain('The Boy Who Climbed Kirra');
    expect(at('give cartridge to leo', 'x torch')).toMatch(/^Your little red torch/);
    expect(at('give tea to mia', 'show tea to mia')).toContain('Are you going to give it to me');
  });
});

describe("act 5: what becomes of the hub is the player's decision", () => {
  const lines = walkOf;
  const played = (f: string, from: string, to: string) => {
    const g = game(world);
    const out = g.run(...lines(f).map((c) => (c === from ? to : c))).join('\n');
    return { g, out };
  };

  it('after letting go at the nexus, Mum can still unplug it, and the unplugged house says why', () => {
    const { g, out } = played('ending-balance.txt', 'use hub', 'unplug hub');
    expect(g.host.state.ending).toBe('unplugged');
    expect(out).toContain('she opened her fingers and let them go, and he found his own way');
    expect(out).not.toContain('the feeling of all three of them snapping into line');
    // The epilogue of the unplugged house: the dream pillows' shelf is empty, the whale out of reach.
    expect(out).toContain('put it on the empty shelf where the dream pillows used to be');
    expect(out).not.toContain('stands rinsed on the shelf by the nest');
    expect(out).toContain('the last night there was a cloudwhale to give it to');
    expect(out).not.toContain('a lit kitchen window in its eye');
  });

  it('after the override, Mum can still keep the hub with new rules, and reach the balance', () => {
    const { g, out } = played('ending-unplugged.txt', 'unplug hub', 'use hub');
    expect(out).toContain('no more levers');
    expect(g.host.state.ending).toBe('balance');
    expect(out).toContain('OVERRIDE ENGAGED 02:16. She reads it sometimes');
  });

  it('Mia, asked before Mum decides, is heard in what comes of it', () => {
    const g = game(world);
    const w = lines('ending-balance.txt');
    g.run(...w.slice(0, w.indexOf('use hub')), 'w');
    expect(g.say('ask mia about nanodream')).toContain("It's the only place I sleep");
    g.run('e');
    // Mia is at the table, in earshot through the doorway, not reading the kitchen's hub (fix8).
    expect(g.say('use hub')).toContain("you hear Mia's fork go down on her plate");
    const h = game(world);
    h.run(...w.slice(0, w.indexOf('use hub')), 'w', 'ask mia about nanodream', 'e');
    expect(h.say('unplug hub')).toContain("She doesn't look at the cupboard");
  });
});

describe("Leo's refusal at the bright door is the player's act", () => {
  const leoLast = ['east', 'be elara', 'read readout', 'pull reins', 'drop reins', 'west', 'west', 'listen', 'west', 'be leo', 'up'];
  const arrive = () => {
    const g = game(world);
    g.run(...walk.slice(0, walk.indexOf('be leo') + 1));
    const last = g.run(...leoLast).at(-1)!;
    return { g, last };
  };

  it('arriving last, he is only given the hand: nothing is decided for him', () => {
    const { g, last } = arrive();
    expect(last).toContain('takes your hand');
    expect(last).not.toContain('Act 4');
    expect(g.host.state.act).toBe(3);
  });

  it('he holds on, or turns away, and act 4 begins', () => {
    for (const act of ['hold hand', 'turn away from the door', 'wait']) {
      const { g } = arrive();
      expect(g.say(act), act).toContain('Act 4: The Night Specter');
    }
  });

  it('he lets go and goes through, and it is the long dream', () => {
    const { g } = arrive();
    expect(g.say('enter door')).toContain('You let go of the warm hand');
    expect(g.host.state.ending).toBe('long_dream');
  });

  it('the override arriving is told to Leo as himself', () => {
    const g = game(world);
    const u = walkOf('ending-unplugged.txt');
    const out = g.run(...u.slice(0, u.indexOf('remove band'))).join('\n');
    expect(out).not.toContain('Leo comes up the last clock-step');
  });
});

describe('what the fourth playtest typed', () => {
  it('eavesdrop at the door, promise, ask Mia about the lullaby, and Leo\'s lamp', () => {
    expect(at('listen', 'eavesdrop')).toContain("Overhear the children's plan");
    expect(at(null, 'n', 'w', 'leo, promise to wait')).toMatch(/To Jaime/);
    expect(at(null, 'n', 'w', 'ask mia about lullaby')).toContain('The moon one');
    expect(at(null, 'n', 'w', 'x lamp')).toMatch(/dinosaur lamp/);
    expect(at(null, 'n', 'w', 'kiss mia')).not.toContain('asleep');
  });

  it('climbing the stair is going up it, and look back looks round', () => {
    expect(at('nudge moths', 'nudge moths', 'switch to leo', 'climb stair')).toContain('stair of moths');
    expect(at('nudge moths', 'nudge moths', 'switch to leo', 'u')).toContain('stair of moths');
    expect(at('talk to jaime', 'look back')).toMatch(/Star Stairs/);
  });

  it('a hand named for someone not here names them, not their possessive', () => {
    expect(at('north', "hold leo's hand")).toBe("You can't see any Leo here.");
  });

  it("before she shows herself, Leo's hand out in the field is held by the warmth, not by himself", () => {
    const u = walkOf('ending-unplugged.txt');
    const g = game(world);
    g.run(...u.slice(0, u.indexOf('remove band')), 'switch to leo', 'north');
    expect(g.say('x warmth')).toMatch(/warmth that followed you|held/);
    expect(g.say('hold hand')).not.toMatch(/Leo/);
  });

  it('the fox goes through the peeled gate, and Leo alone in the field knows the warmth stayed behind', () => {
    expect(at('open seam', 'open seam')).toContain('The ice fox is through the gap');
    const g = game(world);
    const u = walkOf('ending-unplugged.txt');
    g.run(...u.slice(0, u.indexOf('remove band')), 'switch to leo', 'north');
    expect(g.say('examine specter')).toContain('stayed back in the hollow');
  });

  it('Mia signs the map', () => {
    expect(at('use pencil on map', 'be mia', 'up', 'sign map')).not.toMatch(/don't know/);
  });
});


describe('what the fifth playtest typed', () => {
  it('look out of the window, as through it', () => {
    const through = at(3, 'look through window');
    expect(at(3, 'look out window')).toBe(through);
    expect(at(3, 'look out of the window')).toBe(through);
  });

  it('enter a room by its name: going there, or being there already', () => {
    expect(at(3, 'enter study')).toMatch(/^Study\n/);
    const lost = walkOf('ending-lost-between.txt');
    const g = game(world);
    g.run(...lost.slice(0, lost.indexOf('east', lost.indexOf('east') + 1) + 1));
    expect(g.say('look')).toMatch(/^The Upside-Down Kitchen/);
    expect(g.say('enter kitchen')).toBe('You are already there.');
    expect(at(3, 'enter the study')).toMatch(/^Study\n/);
    // Only whole words of a room's name: a bed is not the Bedroom, at Bedtime.
    expect(at(3, 'enter bed')).toBe(at(3, 'x bed'));
  });

  it('a plural of something there is only one of means that one (x whales)', () => {
    const n = walk.indexOf('give wisp to whale');
    expect(n).toBeGreaterThan(0);
    expect(at(n, 'x whales')).toBe(at(n, 'x whale'));
  });

  it('Jaime on the floe calls Mia by her name, not Leo\'s', () => {
    const n = walk.indexOf('examine seam');
    expect(n).toBeGreaterThan(0);
    expect(at(n, 'be jaime', 'talk to mia')).toMatch(/^"MIA!"/);
    expect(at(n, 'be jaime', 'shout')).toMatch(/^"LEO!"/);
  });

  it('what the text names answers: the banana in Jaime\'s backpack, Knots for Explorers, the binders in the study', () => {
    expect(at(18, 'take banana')).toContain('for the morning');
    expect(at(18, 'x knots')).toContain('Knots for Explorers');
    expect(at(3, 'w', 'open binder')).toContain('VOL. 3');
    expect(at(3, 'w', 'look up failsafe in binder')).toBe(at(3, 'w', 'read binders'));
  });
});

