// The erase a narrowing terminal needs before ink redraws (src/ui/reflow.ts).
import { describe, it, expect } from 'vitest';
import { eraseReflowed, reflowedRows, terminalReflows } from '../../src/ui/reflow.js';

describe('reflow after the terminal narrows', () => {
  it('counts the rows re-wrapped lines take; an empty line still takes one', () => {
    expect(reflowedRows([0, 99, 99, 3], 100)).toBe(4);
    expect(reflowedRows([0, 99, 99, 3], 50)).toBe(1 + 2 + 2 + 1);
    expect(reflowedRows([0, 99, 3], 33)).toBe(1 + 3 + 1);
  });

  it('writes nothing while each line still fits', () => {
    expect(eraseReflowed([0, 40, 2], 50)).toBe('');
  });

  it('erases every row the live area now takes, then stands where ink expects its prompt row', () => {
    const out = eraseReflowed([0, 99, 99, 2], 50);
    // 6 rows: the prompt's row, then five more, each erased going up.
    expect(out.match(/\x1b\[2K/g)).toHaveLength(6);
    expect(out.match(/\x1b\[1A/g)).toHaveLength(5);
    // Down to the fourth row: ink then erases its own four rows, all blank already.
    expect(out.endsWith('\x1b[3B')).toBe(true);
  });

  it('takes xterm and the Linux console for terminals that cut lines instead', () => {
    expect(terminalReflows({ TERM: 'xterm-256color', TMUX: '/tmp/x' })).toBe(true);
    expect(terminalReflows({ TERM: 'xterm', XTERM_VERSION: 'XTerm(390)' })).toBe(false);
    expect(terminalReflows({ TERM: 'linux' })).toBe(false);
  });
});
