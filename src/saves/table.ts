// The slot table as plain lines, shared by the in-game `saves` command and `nanodream saves`.

import type { SlotInfo } from './store.js';
import { systemText as say } from '../content/system.js';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Local time as `YYYY-MM-DD HH:MM`. */
export function formatSavedAt(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** Columns: name, character, place, turn, when saved; damaged slots say what is wrong. */
export function formatSlotTable(slots: readonly SlotInfo[], formatTime: (iso: string) => string = formatSavedAt): string[] {
  if (slots.length === 0) return [say('table.empty')];
  const head = [say('table.name'), say('table.character'), say('table.place'), say('table.turn'), say('table.saved')];
  const rows = slots.filter((s) => s.ok).map((s) => [s.name, s.characterName ?? '', s.placeName ?? '', String(s.turn ?? ''), s.savedAt ? formatTime(s.savedAt) : '']);
  const lines: string[] = [];
  if (rows.length) {
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) => r.map((c, i) => (i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
    lines.push(line(head), ...rows.map(line));
  }
  for (const s of slots.filter((x) => !x.ok)) lines.push(say('table.broken', { name: s.name, problem: s.problem ?? say('table.unknown_problem') }));
  return lines;
}
