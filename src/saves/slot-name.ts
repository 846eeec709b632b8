// Slot names the player types, and the file names they map to. A name never becomes a path.

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
  const rule = `A save name can use letters, digits, spaces, "-" and "_", up to ${SLOT_NAME_MAX} characters.`;
  if (name === '') return { ok: false, message: `A save needs a name. ${rule}` };
  if (name.length > SLOT_NAME_MAX) {
    return { ok: false, message: `The name ${show(name)} is ${name.length} characters long. ${rule}` };
  }
  if (!SLOT_RE.test(name)) {
    const bad = [...new Set([...name].filter((c) => !/[A-Za-z0-9 _-]/.test(c)))]
      .map((c) => (c < ' ' || c === '\u007f' ? `a control character (code ${c.charCodeAt(0)})` : `"${c}"`));
    return { ok: false, message: `The name ${show(name)} cannot be used: it contains ${bad.join(', ')}. ${rule}` };
  }
  if (WINDOWS_DEVICES.test(name)) {
    return { ok: false, message: `The name "${name}" is kept by some systems for devices; please choose another.` };
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
