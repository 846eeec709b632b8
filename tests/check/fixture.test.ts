// The checker on a tiny story: it passes, finds both endings by their shortest paths, and the
// paths really play; broken copies of the story fail with the way into the trouble.
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { runCheck, reportJson, formatReport, replayState, stateKey, commandsFor } from '../../src/check/index.js';
import { step } from '../../src/engine/step.js';
import { initialState } from '../../src/engine/state.js';
import { TINY, mutated, cleanup, clock } from './helpers.js';

afterAll(cleanup);

describe('the tiny story', () => {
  const world = loadContent(TINY);
  const report = runCheck(world, { now: clock });

  it('passes: every room and ending reached, no dead end, search complete', () => {
    expect(report.references.errors).toEqual([]);
    expect(report.complete).toBe(true);
    expect(report.rooms.unreached).toEqual([]);
    expect(report.rooms.reached).toContain('treetop');
    expect(report.deadEndCount).toBe(0);
    expect(report.engineFailures).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('finds the shortest path to each ending, the failure one included', () => {
    const byId = Object.fromEntries(report.endings.map((e) => [e.id, e]));
    expect(byId.triumph.path).toEqual(['east', 'take key', 'west', 'unlock door with key', 'open door', 'north', 'pull lever', 'down', 'wear crown']);
    expect(byId.fall.kind).toBe('failure');
    // Walks through rooms with nothing to do in them are one command (`north. up`), so 7, not 8.
    expect(byId.fall.path).toHaveLength(7);
    expect(byId.fall.path.at(-1)).toBe('jump');
  });

  it('each path, played through step from the opening, reaches its ending', () => {
    for (const e of report.endings) {
      let s = initialState(world, 0);
      for (const c of e.path) {
        expect(s.ending).toBeNull();
        s = step(world, s, c).state;
      }
      expect(s.ending).toBe(e.id);
    }
  });

  it('prints the JSON shape tools read, and a short human report', () => {
    const j = JSON.parse(JSON.stringify(reportJson(report)));
    expect(j).toMatchObject({ states: report.states, rooms: { total: 6, unreached: [] }, deadEnds: [] });
    expect(j.endings).toEqual(report.endings.map((e) => ({ id: e.id, reached: true, path: e.path })));
    const text = formatReport(report);
    expect(text).toMatch(/^ok: \d+ states explored/);
    expect(text.split('\n').length).toBeLessThan(20);
  });

  it('merges states that differ only in what cannot matter', () => {
    const s0 = initialState(world, 0);
    const looked = step(world, s0, 'look').state;
    const waited = step(world, s0, 'wait').state;
    expect(stateKey(world, looked)).toBe(stateKey(world, s0));
    expect(stateKey(world, waited)).toBe(stateKey(world, s0)); // the turn counter is not story
    const pebble = step(world, step(world, s0, 'east').state, 'take pebble').state;
    expect(stateKey(world, pebble)).toBe(stateKey(world, step(world, s0, 'east').state)); // nothing reads the pebble
    expect(stateKey(world, step(world, s0, 'east').state)).not.toBe(stateKey(world, s0));
  });

  it('generates only commands that make sense here', () => {
    const s = step(world, initialState(world, 0), 'east').state;
    const cmds = commandsFor(world, s);
    expect(cmds).toEqual(expect.arrayContaining(['west', 'take key', 'imagine ladder']));
    expect(cmds).not.toContain('north'); // not from the garden
    expect(cmds.some((c) => c.includes('pebble'))).toBe(false);
  });

  it('a bounded search says it is incomplete and calls nothing a dead end it has not proven', () => {
    const r = runCheck(world, { now: clock, maxStates: 40 });
    expect(r.complete).toBe(false);
    expect(r.stopReason).toBe('maxStates');
    expect(r.ok).toBe(false);
    expect(r.deadEndCount).toBe(0);
    expect(formatReport(r)).toMatch(/stopped early/);
  });
});

describe('cone of influence: what only toggles itself is not kept', () => {
  const lamp = (extra: string) => (t: string) =>
    t.replace(
      '    pebble:\n',
      `    lamp:\n      name: lamp\n      words: [lamp]\n      scenery: true\n      description: A lamp.\n      verbs:\n        push:\n          - if: { prop: { lamp: lit } }\n            do: [ { clearProp: lamp, prop: lit } ]\n          - do: [ { setProp: lamp, prop: lit } ${extra}]\n    pebble:\n`,
    );

  it('a lamp switched on and off by a rule that changes nothing else is merged away', () => {
    const w = loadContent(mutated(TINY, 'rooms/house.yaml', lamp('')));
    const s = step(world0(), initialState(world0(), 0), 'east').state;
    const lit = step(w, step(w, initialState(w, 0), 'east').state, 'push lamp').state;
    expect(lit.props.lamp).toContain('lit');
    expect(stateKey(w, lit)).toBe(stateKey(w, step(w, initialState(w, 0), 'east').state));
    expect(commandsFor(w, lit)).not.toContain('push lamp');
    const r = runCheck(w, { now: clock });
    expect(r.ok).toBe(true);
    expect(r.states).toBe(runCheck(world0(), { now: clock }).states);
    expect(s.ending).toBeNull();
  });

  it('the same lamp is kept once lighting it also sets a flag a condition reads', () => {
    const w = loadContent(mutated(TINY, 'rooms/house.yaml', lamp(', { set: ladder_made } ')));
    const e = step(w, initialState(w, 0), 'east').state;
    expect(commandsFor(w, e)).toContain('push lamp');
    const lit = step(w, e, 'push lamp').state;
    expect(stateKey(w, lit)).not.toBe(stateKey(w, e));
    expect(runCheck(w, { now: clock }).ok).toBe(true);
  });
});

let tiny: ReturnType<typeof loadContent> | null = null;
const world0 = () => (tiny ??= loadContent(TINY));

describe('mutations make the check fail', () => {
  it('one exit removed: a room and an ending can no longer be reached', () => {
    const dir = mutated(TINY, 'rooms/house.yaml', (t) => t.replace('    east: garden\n', ''));
    const r = runCheck(loadContent(dir), { now: clock });
    expect(r.ok).toBe(false);
    expect(r.rooms.unreached).toEqual(expect.arrayContaining(['garden', 'study', 'vault']));
    expect(r.endings.filter((e) => !e.reached).map((e) => e.id).sort()).toEqual(['fall', 'triumph']);
    expect(formatReport(r)).toMatch(/never reached: .*garden/);
  });

  it('the needed key made edible: eating it is a dead end, reported with the path into it', () => {
    const dir = mutated(TINY, 'rooms/house.yaml', (t) => t.replace('      description: A small brass key.', '      description: A small brass key.\n      edible: true'));
    const w = loadContent(dir);
    const r = runCheck(w, { now: clock });
    expect(r.ok).toBe(false);
    expect(r.deadEndCount).toBeGreaterThan(0);
    expect(r.deadEnds[0].path).toEqual(['east', 'eat key']);
    // The dead end is real: from there, no ending can be reached by any command.
    const s = replayState(w, 0, r.deadEnds[0].path);
    expect(s.loc.brass_key).toBe('nowhere');
    expect(JSON.stringify(reportJson(r))).toContain('"eat key"');
  });
});
