// Data shapes of the glitch: spans in, styled runs and lines out. No escape codes anywhere here.

/** A piece of text with a style name ('plain', 'room', 'emph', 'dim', 'speech', 'glitch', ...). */
export interface Span {
  text: string;
  style?: string;
}

/** A 256-colour palette index (0..255). */
export type PaletteColor = number;

/** A span after the glitch: colour noise is data, rendered later (or ignored) by a front end. */
export interface GlitchSpan extends Span {
  fg?: PaletteColor;
  bg?: PaletteColor;
  inverse?: boolean;
  /** A fragment of an earlier scene bleeding through. */
  memory?: boolean;
}

/** One terminal row: runs whose total width never exceeds the layout width. */
export type Line = GlitchSpan[];

export interface GlitchOptions {
  /** 0 = untouched, 1 = barely readable. Clamped. */
  intensity: number;
  /** Any number; the same seed gives the same glitch. */
  seed: number;
  /** Text the player has already seen; fragments bleed through at high intensity. */
  memories?: readonly string[];
}

export interface LayoutOptions extends GlitchOptions {
  /** Terminal columns. Clamped to at least 1; Infinity means no wrapping. */
  width: number;
}

export type GlitchInput = string | readonly Span[];
