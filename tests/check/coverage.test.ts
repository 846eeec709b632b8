// nanodream check lists what no state of its search can show: scenes that never run, hints that
// are never the current one, puzzles never solved, items never within reach, rules that never
// answer and variants of a text that never apply.
import { describe, it, expect } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { loadContent } from '../../src/content/load.js';
import { runCheck, runCheckParallel, reportJson } from '../../src/check/check.js';
import { relevance, textRelevance } from '../../src/check/analyse.js';
import { checkCommand } from '../../src/check/cli.js';
import { makeTemp } from '../temp.js';
import { parseWitness } from '../../src/check/witness.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/mini');

/**
 * The fixture story with a scene, a hint, a puzzle and an item nothing can ever bring about; a
 * variant of the hall's walls whose flag nobody sets, and a rule for looking under the mat that
 * always comes after one that answers everything. And a note whose back is shown only after
 * looking under it, which is only prose: shown, so not listed. And Ann's own description, shown
 * only by examining herself: shown, so not listed. And Bob's own answer about the weather, which
 * an act file's answer always comes before.
 */
function withDeadContent(): string {
  const dir = makeTemp('nd-coverage-');
  cpSync(FIXTURE, dir, { recursive: true });
  const add = (file: string, text: string) => writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8') + text);
  add('scenes/s.yaml', '\n- id: never_scene\n  if: { flag: nobody_sets_this }\n  say: This never happens.\n');
  add('hints/h.yaml', '\n- id: never_hint\n  if: { flag: nobody_sets_this }\n  hints: [Nothing.]\n');
  add('puzzles/p.yaml', '\nnever_puzzle: { name: Never, points: 1, act: 1 }\n');
  const edit = (file: string, from: string, to: string) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text).toContain(from);
    writeFileSync(join(dir, file), text.replace(from, to));
  };
  edit('rooms/r.yaml', '      text: Plain white walls.\n', '      text:\n        - { if: { flag: nobody_sets_this }, text: Walls nobody sees. }\n        - { text: Plain white walls. }\n');
  edit('rooms/r.yaml', '          - say: Nothing else under there.\n', '          - say: Nothing else under there.\n          - say: Never said.\n');
  // A text shown only after a command that only prints (the flag is read by nothing else): found
  // by stepping the prose from the search's states (Coverage.prose), not listed.
  edit('rooms/r.yaml', '    mat:\n', [
    '    note:', '      name: note', '      words: [note]', '      scenery: true',
    '      description:', '        - { if: { flag: note_lifted }, text: "On its back someone has written HELLO." }', '        - { text: "A note, face down." }',
    '      verbs:', '        look_under:', '          - say: You lift the note and put it back.', '            do: [ { set: note_lifted } ]',
    '    mat:', '',
  ].join('\n'));
  // What Ann is called when she is the one played: shown by EXAMINE ME, which scope alone would
  // never offer (the player is not in her own scope).
  edit('characters/ann.yaml', 'description: You are Ann.\n', 'description:\n  - { if: { player: ann }, text: You are Ann. }\n  - { text: "Ann, in her good coat." }\n');
  // An act file's rules go before Bob's own: his own answer about the weather, shadowed in act 1
  // and unheard in act 2 (Ann cannot see him then), is named by its place in bob.yaml.
  writeFileSync(join(dir, 'characters/bob.act1.yaml'), 'id: bob\nask:\n  weather: [ { if: { act: 1 }, say: \'"Sun, then rain," says Bob.\' } ]\n');
  add('rooms/r.yaml', '\nvault:\n  name: Vault\n  region: house\n  map: { x: 5, y: 5 }\n  description: A vault no door leads to.\n  items:\n    lost_coin: { name: coin, words: [coin], description: A coin. }\n');
  return dir;
}

describe('what the story can never show', () => {
  it('is nothing for the fixture story, whose every scene, hint, puzzle and item can be met', () => {
    const r = runCheck(loadContent(FIXTURE), { maxStates: 5000 });
    expect(r.complete).toBe(true);
    expect(r.unreachable).toEqual([]);
  });

  it('names each dead scene, hint, puzzle and item, and only those', () => {
    const r = runCheck(loadContent(withDeadContent()), { maxStates: 5000 });
    expect(r.unreachable.map((u) => `${u.kind} ${u.id}`).sort()).toEqual(['hint never_hint', 'item lost_coin', 'puzzle never_puzzle', 'scene never_scene']);
    expect(r.unshown).toBeUndefined();
  });

  it('with unshown, also names the rule and the variant nothing shows, and only those (the other mat rule and wall text are shown)', () => {
    const r = runCheck(loadContent(withDeadContent()), { maxStates: 5000, unshown: true });
    expect(r.unshown?.map((u) => `${u.kind} ${u.id}`).sort()).toEqual(['rule bob.ask.weather#1', 'rule mat.look_under#2', 'variant room:hall.scenery[0].text[0]']);
    expect(runCheck(loadContent(FIXTURE), { maxStates: 5000, unshown: true }).unshown).toEqual([]);
  });

  it('lists them in --json with the file and field that hold them', async () => {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (d) => { out += d; });
    await checkCommand({ contentDir: withDeadContent(), json: true, maxStates: 5000, unshown: true }, { stdout, stderr: new PassThrough() });
    const report = JSON.parse(out) as { unreachable: { kind: string; id: string; source: string }[]; unshown: { kind: string; id: string; source: string }[] };
    expect(report.unreachable).toContainEqual({ kind: 'scene', id: 'never_scene', source: 'scenes/s.yaml: [2].if' });
    expect(report.unreachable).toContainEqual({ kind: 'hint', id: 'never_hint', source: 'hints/h.yaml: [1].if' });
    expect(report.unreachable).toContainEqual({ kind: 'puzzle', id: 'never_puzzle', source: 'puzzles/p.yaml: never_puzzle' });
    expect(report.unreachable).toContainEqual({ kind: 'item', id: 'lost_coin', source: 'rooms/r.yaml: vault.items.lost_coin.location' });
    expect(report.unshown).toEqual([
      { kind: 'rule', id: 'mat.look_under#2', source: 'rooms/r.yaml: hall.items.mat.verbs.look_under[2]' },
      { kind: 'rule', id: 'bob.ask.weather#1', source: 'characters/bob.yaml: ask.weather[0]' },
      { kind: 'variant', id: 'room:hall.scenery[0].text[0]', source: 'rooms/r.yaml: hall.scenery[0].text[0]' },
    ]);
  });
});

/**
 * The fixture story with two flags only text reads (no logic condition does, so the state key
 * leaves them out): smelling the apple sets one, and a scene in the garden says so; the other is
 * set only in an act the story never reaches, and its scene must stay unreachable.
 */
function withTextOnlyFlags(): string {
  const dir = makeTemp('nd-coverage-text-');
  cpSync(FIXTURE, dir, { recursive: true });
  const edit = (file: string, f: (t: string) => string) => writeFileSync(join(dir, file), f(readFileSync(join(dir, file), 'utf8')));
  edit('rooms/r.yaml', (t) => t.replace('      description: A red apple.\n', [
    '      description: A red apple.',
    '      verbs:',
    '        smell:',
    '          - if: { act: 2 }',
    '            say: It has gone soft.',
    '            do: [ { set: apple_rotten } ]',
    '          - say: Sweet, like summer.',
    '            do: [ { set: apple_smelled } ]',
    '',
  ].join('\n')));
  edit('scenes/s.yaml', (t) => `- id: apple_remembered\n  if: { flag: apple_smelled, here: garden }\n  say: The garden smells faintly of apples.\n` +
    `- id: rotten_apple\n  if: { flag: apple_rotten, here: garden }\n  say: Something in the garden has gone off.\n${t}`);
  return dir;
}

describe('text-only flags (flags that change what is said, never what can happen)', () => {
  const w = loadContent(withTextOnlyFlags());

  it('are left out of the state key, yet a scene shown only through one is found reachable and one that is not stays reported', () => {
    expect(relevance(w, 1).flagsRead.has('apple_smelled')).toBe(false);
    expect(textRelevance(w, 1).flags).toEqual(['apple_rotten', 'apple_smelled']);
    const r = runCheck(w, { maxStates: 5000, checkpoints: {} });
    expect(r.complete).toBe(true);
    expect(r.textStates).toBeGreaterThan(0);
    expect(r.unreachable.map((u) => `${u.kind} ${u.id}`)).toEqual(['scene rotten_apple']);
  });

  it('the parallel search finds the same, and the same again on a second run', async () => {
    const one = runCheck(w, { maxStates: 5000, checkpoints: {} });
    const a = await runCheckParallel(w, { maxStates: 5000, checkpoints: {}, workers: 2, perWorker: 3 });
    const b = await runCheckParallel(w, { maxStates: 5000, checkpoints: {}, workers: 2, perWorker: 3 });
    expect(a.complete).toBe(true);
    expect(a.states).toBe(one.states);
    expect(a.unreachable).toEqual(one.unreachable);
    expect(a.endings.map((e) => e.reached)).toEqual(one.endings.map((e) => e.reached));
    expect({ ...reportJson(b), elapsedMs: 0, statesPerSecond: 0 }).toEqual({ ...reportJson(a), elapsedMs: 0, statesPerSecond: 0 });
  }, 60_000);

  it('with unshown, the parallel search finds the same rules and variants shown as the one-thread search: the act-2 smell rule alone is not', async () => {
    const one = runCheck(w, { maxStates: 5000, checkpoints: {}, unshown: true });
    const two = await runCheckParallel(w, { maxStates: 5000, checkpoints: {}, workers: 2, perWorker: 3, unshown: true });
    expect(one.unshown?.map((u) => `${u.kind} ${u.id}`)).toEqual(['rule apple.smell#0']);
    expect(two.unshown).toEqual(one.unshown);
  }, 60_000);
});

/**
 * The fixture story with three things the search used to miss, each reachable in play: a puzzle
 * scored by a step into a state it already has (shoving the garden door open is opening it, as
 * far as what can happen goes), a letter that starts out of play and is found behind the box by
 * a rule that changes nothing else, and a scene told only after pulling the rake in a shed where
 * nothing else can happen.
 */
function withMissedContent(): string {
  const dir = makeTemp('nd-coverage-missed-');
  cpSync(FIXTURE, dir, { recursive: true });
  const edit = (file: string, f: (t: string) => string) => writeFileSync(join(dir, file), f(readFileSync(join(dir, file), 'utf8')));
  const lines = (...xs: string[]) => xs.map((x) => `${x}\n`).join('');
  edit('rooms/r.yaml', (t) => t
    .replace('      description: A green door.\n', lines(
      '      description: A green door.',
      '      verbs:',
      '        push:',
      '          - if: { notProp: { garden_door: open } }',
      '            say: You shove the door open with your shoulder.',
      '            do: [ { setProp: garden_door, prop: open }, { solve: shove_door } ]',
    ))
    .replace('        open:\n          - if: { notProp: { box: locked } }\n', lines(
      '        look_behind:',
      '          - if: { itemIn: { old_letter: nowhere } }',
      '            say: A letter has slipped down behind the box.',
      '            do: [ { move: old_letter, to: study } ]',
      '          - say: Dust.',
      '        open:',
      '          - if: { notProp: { box: locked } }',
    ))
    .replace('    hat:\n', lines('    old_letter: { name: old letter, words: [letter], adjectives: [old], location: nowhere, description: An old letter. }', '    hat:'))
    .replace('  description: A tiny garden.\n  exits:\n', lines('  description: A tiny garden. A shed stands to the east.', '  exits:', '    east: shed')) +
    lines(
      'shed:',
      '  name: Shed',
      '  region: house',
      '  map: { x: 1, y: -1 }',
      '  description: A shed with a rake.',
      '  exits:',
      '    west: garden',
      '  items:',
      '    rake:',
      '      name: rake',
      '      words: [rake]',
      '      scenery: true',
      '      description: A rake.',
      '      verbs:',
      '        pull:',
      '          - say: The rake comes loose with a clatter.',
      '            do: [ { set: rake_pulled } ]',
    ));
  edit('puzzles/p.yaml', (t) => `${t}shove_door: { name: Shove the door, points: 1, act: 1 }\n`);
  edit('scenes/s.yaml', (t) => `- id: rake_remembered\n  if: { flag: rake_pulled, here: hall }\n  say: Somewhere behind you, a rake lies where it fell.\n${t}`);
  return dir;
}

describe('what the search used to miss', () => {
  const w = loadContent(withMissedContent());

  it('a puzzle scored on the way into a known state, an item brought into play by prose, and a text writer in a room of its own are all shown', () => {
    const r = runCheck(w, { maxStates: 5000, checkpoints: {} });
    expect(r.complete).toBe(true);
    expect(r.unreachable).toEqual([]);
    expect(r.unused).toEqual([]);
  });

  it('the parallel search shows them too', async () => {
    const r = await runCheckParallel(w, { maxStates: 5000, checkpoints: {}, workers: 2, perWorker: 3 });
    expect(r.complete).toBe(true);
    expect(r.unreachable).toEqual([]);
  }, 60_000);
});

/**
 * The fixture story with a bell in the hall that only prints (its flag, read by no logic and no
 * scene, is not part of any state the search keys) and an ending told differently after it rang.
 */
function withBell(): string {
  const dir = makeTemp('nd-coverage-bell-');
  cpSync(FIXTURE, dir, { recursive: true });
  const edit = (file: string, from: string, to: string) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text).toContain(from);
    writeFileSync(join(dir, file), text.replace(from, to));
  };
  edit('rooms/r.yaml', '    mat:\n', [
    '    bell:', '      name: bell', '      words: [bell]', '      scenery: true', '      description: A brass bell.',
    '      verbs:', '        push:', '          - say: The bell rings.', '            do: [ { set: bell_rung } ]',
    '    mat:', '',
  ].join('\n'));
  edit('endings.yaml', 'text: You won the tiny game. }', 'text: [ { if: { flag: bell_rung }, text: You won the tiny game to the sound of a bell. }, { text: You won the tiny game. } ] }');
  return dir;
}

describe('recorded playthroughs as witnesses (check --unshown --witness)', () => {
  const win = ['look under mat', 'take silver key', 'east', 'unlock box with silver key', 'open box', 'west', 'open door', 'north'];
  const bellFirst = parseWitness('bell.txt', ['# seed: 0', '> push bell', ...win.map((c) => `> ${c}`)].join('\n'));

  it('reads the commands and the seed of a walkthrough file', () => {
    expect(parseWitness('x.txt', '# A comment\n# seed: 7\n\nYou are here.\n> look\nA room.\n> north\n').commands).toEqual(['look', 'north']);
    expect(parseWitness('x.txt', '# seed: 7\n> look\n').seed).toBe(7);
  });

  it('count what they show: an ending told after a bell nothing else asks about is unshown by the search alone', () => {
    const w = loadContent(withBell());
    const alone = runCheck(w, { maxStates: 5000, unshown: true });
    expect(alone.unshown?.map((u) => `${u.kind} ${u.id}`)).toEqual(['variant ending:win.text[0]']);
    const withWitness = runCheck(loadContent(withBell()), { maxStates: 5000, unshown: true, witnesses: [bellFirst] });
    expect(withWitness.unshown).toEqual([]);
    // A playthrough that never rings the bell shows nothing new.
    const without = runCheck(loadContent(withBell()), { maxStates: 5000, unshown: true, witnesses: [{ ...bellFirst, commands: bellFirst.commands.slice(1) }] });
    expect(without.unshown?.map((u) => `${u.kind} ${u.id}`)).toEqual(['variant ending:win.text[0]']);
    // Witnesses count for texts only: what the search calls unreachable is its own finding.
    expect(withWitness.unreachable).toEqual(alone.unreachable);
  });
});
