// How comforts speak: every sentence a player reads comes from the message catalogue by id.
import type { World } from '../engine/types.js';
import { formatMessage } from '../narrate/index.js';

export type Params = Record<string, string | number>;
/** Fills a catalogue message. */
export type Say = (id: string, params?: Params) => string;

export const sayFrom = (w: World): Say => (id, params) => formatMessage(w, id, params);

/** "a", "a and b", "a, b and c" — a list read as English. */
export function joinList(parts: string[], and = 'and'): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
}
