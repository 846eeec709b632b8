// Follows the SGR codes of a line as a terminal would, to tell whether any style is still on at
// its end (bold, dim, italic, underline, inverse, a colour).
export function styleLeftOpen(row: string): boolean {
  const on = new Set<string>();
  for (const m of row.matchAll(/\x1b\[([0-9;]*)m/g)) {
    const ps = m[1] === '' ? [0] : m[1]!.split(';').map(Number);
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i]!;
      if (p === 0) on.clear();
      else if (p === 1 || p === 2) on.add(`weight${p}`);
      else if (p === 22) { on.delete('weight1'); on.delete('weight2'); }
      else if (p === 3 || p === 4 || p === 7) on.add(String(p));
      else if (p === 23 || p === 24 || p === 27) on.delete(String(p - 20));
      else if ((p >= 30 && p <= 37) || (p >= 90 && p <= 97)) on.add('fg');
      else if (p === 38) { on.add('fg'); i += ps[i + 1] === 5 ? 2 : 4; }
      else if (p === 39) on.delete('fg');
      else if ((p >= 40 && p <= 47) || (p >= 100 && p <= 107)) on.add('bg');
      else if (p === 48) { on.add('bg'); i += ps[i + 1] === 5 ? 2 : 4; }
      else if (p === 49) on.delete('bg');
    }
  }
  return on.size > 0;
}
