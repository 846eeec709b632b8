// The output scanner other tests use: it must catch leaks and leave ordinary prose alone.
import { describe, it, expect } from 'vitest';
import { findBadOutput } from '../../src/comforts/index.js';

describe('findBadOutput', () => {
  it('passes ordinary game text', () => {
    const clean = [
      'The living room, which is mostly a glass wall. Your nan says you tell the time on a dandelion.',
      '"Version 9.4 has a patch," says Jaime. Type HELP, e.g. HELP ASK.',
      'From now on, every command and reply is written to /tmp/my_home/transcripts/night-one.txt.',
      '+------+\n| [Hall]--[*Study*] |\n+------+',
      'Score: 10 of 50 points, in 12 turns. It is 8.41 in the evening... or is it?',
      'You are carrying nothing.',
    ].join('\n');
    expect(findBadOutput(clean)).toEqual([]);
  });

  it('catches each kind of leak', () => {
    const cases: [string, RegExp][] = [
      ['You see undefined here.', /undefined/],
      ['You take [object Object].', /object Object/],
      ['Your score is NaN.', /NaN/],
      ['host.saved', /dotted internal id/],
      ['You hear parse.unknown_word again.', /internal id/],
      ['You are in living_room.', /snake_case/],
      ['Hello {name}.', /template/],
      ['    at step (/work/main/src/engine/step.ts:42:7)', /stack trace/],
      ['    at file:///work/main/dist/cli.js:10:3', /stack trace/],
      ['TypeError: cannot read properties', /error class/],
    ];
    for (const [text, what] of cases) {
      const found = findBadOutput(text);
      expect(found.length, text).toBeGreaterThan(0);
      expect(found.join('\n'), text).toMatch(what);
    }
  });

  it('flags given ids exactly, and names the line', () => {
    const found = findBadOutput('Plain line.\nYou find glass_key.', { ids: ['glass_key', 'hall'] });
    expect(found.some((f) => f.includes('"glass_key"') && f.includes('You find glass_key.'))).toBe(true);
    expect(findBadOutput('A plain hall.', { ids: ['hall'] })).toEqual([]);
  });
});
