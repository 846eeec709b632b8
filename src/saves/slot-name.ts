// Slot names the player types, and the file names they map to. A name never becomes a path.

import { systemText as say } from '../content/system.js';

export const SLOT_NAME_MAX = 40;
export const AUTOSAVE = 'autosave';
export const AUTOSAVE_PREVIOUS = 'autosave-previous';
/** Slots the game writes itself; the player may load them but not save over them. */
export const RESERVED_SLOTS: readonly string[] = [AUTOSAVE, AUTOSAVE_PREVIOUS];

const SLOT_RE = /^[A-Za-z0-9 _-]+$/;
// Names Windows will not create as files, whatever the extension.
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

export type NameCheck = { ok: true; name: string } | { ok: false; message: string };

const show = (s: string) => JSON.stringify(s.length > 60 ? s.slice(0, 60) + '…' : s);

/** Checks and normalises (trims) a slot name typed by the player. */
export function checkSlotName(input: string): NameCheck {
  const name = typeof input === 'string' ? input.trim() : '';
  // Said only when a name is refused (a name that is fine needs no words).
  const rule = () => say('slot.rule', { max: SLOT_NAME_MAX });
  if (name === '') return { ok: false, message: say('slot.empty', { rule: rule() }) };
  if (name.length > SLOT_NAME_MAX) {
    return { ok: false, message: say('slot.too_long', { name: show(name), length: name.length, rule: rule() }) };
  }
  if (!SLOT_RE.test(name)) {
    const bad = [...new Set([...name].filter((c) => !/[A-Za-z0-9 _-]/.test(c)))]
      .map((c) => (c < ' ' || c === '\u007f' ? say('slot.control_character', { code: c.charCodeAt(0) }) : say('slot.character', { character: c })));
    return { ok: false, message: say('slot.bad_characters', { name: show(name), characters: bad.join(', '), rule: rule() }) };
  }
  if (WINDOWS_DEVICES.test(name)) {
    return { ok: false, message: say('slot.device', { name }) };
  }
  return { ok: true, name };
}

/** `my save` -> `my+save.json`. Only [A-Za-z0-9_+-] reach the file system. */
export const slotFileName = (name: string): string => `${name.replace(/ /g, '+')}.json`;

const FILE_RE = /^([A-Za-z0-9_+-]{1,40})\.json$/;

/** The slot a file holds, or null when the file is not a slot (temporary, set aside, foreign). */
export function slotFromFileName(file: string): string | null {
  const m = FILE_RE.exec(file);
  if (!m) return null;
  const name = m[1]!.replace(/\+/g, ' ');
  return checkSlotName(name).ok && name === name.trim() ? name : null;
}
