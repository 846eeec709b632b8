// The glitch's alphabet: homoglyphs that almost read, blocks and box fragments that do not.
// Every entry here is one terminal column wide (checked by a test), so a swap never moves a line.

/** Latin letter -> Cyrillic/Greek look-alikes. */
export const HOMOGLYPHS: Readonly<Record<string, string>> = {
  a: 'аα', b: 'Ьβ', c: 'сϲ', d: 'ԁ', e: 'еε', f: 'ϝ', g: 'ɡ', h: 'һ', i: 'іι', j: 'ј',
  k: 'κ', l: 'ӏ', m: 'м', n: 'пη', o: 'оοσ', p: 'рρ', q: 'ԛ', r: 'г', s: 'ѕ', t: 'τт',
  u: 'υ', v: 'ν', w: 'ѡω', x: 'хχ', y: 'уγ', z: 'ᴢ',
  A: 'АΑ', B: 'ВΒ', C: 'С', D: 'Ꭰ', E: 'ЕΕ', F: 'Ϝ', G: 'Ԍ', H: 'НΗ', I: 'ІΙ', J: 'Ј',
  K: 'КΚ', L: 'Ꮮ', M: 'МΜ', N: 'Ν', O: 'ОΟ', P: 'РΡ', Q: 'Ԛ', R: 'Я', S: 'Ѕ', T: 'ТΤ',
  U: 'Ս', V: 'Ѵ', W: 'Ԝ', X: 'ХΧ', Y: 'ҮΥ', Z: 'Ζ',
};

export const BLOCKS = '░▒▓█▀▄▌▐';
export const BOX_FRAGMENTS = '─│┼┤├┬┴╱╲╳┘└┐┌';
/** Fill used where a torn line pulls away from itself. */
export const TEAR_FILLS = ['▒', ' ', '░'];
/** Combining overlays for the worst moments (zero width: they never change a line's width). */
export const OVERLAYS = ['\u0336', '\u0337', '\u0338', '\u0334'];
/** Colour noise: 256-colour palette indexes (magenta, cyan, acid green, red, white, violet). */
export const NOISE_FG = [201, 51, 46, 196, 231, 93, 45, 199];
export const NOISE_BG = [53, 17, 52, 23, 90];

export function pick<T>(items: ArrayLike<T>, u: number): T {
  return items[Math.min(items.length - 1, Math.floor(u * items.length))];
}

// Each letter's look-alikes as a list of code points, split once rather than at every swap.
const HOMOGLYPH_LISTS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(HOMOGLYPHS).map(([letter, options]) => [letter, [...options]]),
);

export function homoglyphFor(letter: string, u: number): string | undefined {
  const options = Object.hasOwn(HOMOGLYPH_LISTS, letter) ? HOMOGLYPH_LISTS[letter] : undefined;
  return options ? pick(options, u) : undefined;
}
