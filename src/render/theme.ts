// The game's colours, in one place. Every coloured byte the game writes is made by chalk from
// this theme: the story's text in line mode and on the screen, the status line, and the glitch
// (whose colour noise adds 256-colour indexes on top of a style).
import { Chalk, type ChalkInstance } from 'chalk';

/** How each style name looks. */
const THEME: Readonly<Record<string, (c: ChalkInstance) => ChalkInstance>> = {
  title: (c) => c.bold.magentaBright,
  room: (c) => c.bold.cyanBright,
  emph: (c) => c.bold,
  dim: (c) => c.dim,
  error: (c) => c.yellow,
  system: (c) => c.gray,
  speech: (c) => c.green,
  glitch: (c) => c.magenta,
  ending: (c) => c.whiteBright,
  /** The screen's echo of a command, and its status line. */
  echo: (c) => c.bold,
  status: (c) => c.inverse,
};

/** What a piece of text looks like: a style name and, for the glitch, colours and inversion. */
export interface Look {
  style?: string;
  /** 256-colour palette indexes. */
  fg?: number;
  bg?: number;
  inverse?: boolean;
}

export type Palette = 16 | 256;

// At an explicit level: whether to colour at all is the command line's decision (flags,
// NO_COLOR, TERM, FORCE_COLOR), made before anything is painted. Made when first asked for.
const chalks = new Map<Palette, ChalkInstance>();

function chalkAt(palette: Palette): ChalkInstance {
  let c = chalks.get(palette);
  if (!c) chalks.set(palette, (c = new Chalk({ level: palette === 16 ? 1 : 2 })));
  return c;
}

const index = (n: number) => Math.max(0, Math.min(255, Math.floor(n)));

/** `text` coloured as `look` says, every style it opens closed at its end. */
export function paint(text: string, look: Look, palette: Palette = 256): string {
  const base = chalkAt(palette);
  let c = look.style !== undefined && Object.hasOwn(THEME, look.style) ? THEME[look.style]!(base) : base;
  if (look.inverse) c = c.inverse;
  if (typeof look.fg === 'number' && Number.isFinite(look.fg)) c = c.ansi256(index(look.fg));
  if (typeof look.bg === 'number' && Number.isFinite(look.bg)) c = c.bgAnsi256(index(look.bg));
  return c(text);
}
