// What the line-mode front end prints for a glitch: one scrambled rendering, then the readable
// text; for screen readers a description in words instead of any scrambled character.
import { describeGlitch } from './describe.js';
import { clampIntensity, layoutWithReadable } from './glitch.js';
import { renderLines, type RenderOptions } from './render.js';
import type { GlitchInput, LayoutOptions } from './types.js';

export interface PlainGlitchOptions extends LayoutOptions, RenderOptions {
  screenReader?: boolean;
  /** Same output as plain mode: one still frame, then the text. */
  reducedMotion?: boolean;
  /**
   * How many lines of the damage to show before the text: line mode shows one (a still of the
   * first line), so the glitch is felt without printing the paragraph twice. All by default
   * (`nanodream preview glitch`, for writers).
   */
  damageLines?: number;
}

/**
 * The exact text plain mode (and --reduced-motion / --screen-reader) prints, ending with '\n'.
 * At intensity 0 only the readable text is printed.
 */
export function plainGlitchOutput(input: GlitchInput, opts: PlainGlitchOptions): string {
  const intensity = clampIntensity(opts.intensity);
  // The still frame is stillFrame's (layoutGlitch at full strength), laid out with the readable text.
  const { readable, glitched } = layoutWithReadable(input, { ...opts, intensity: opts.screenReader ? 0 : intensity }, opts.damageLines);
  const text = renderLines(readable, opts);
  if (intensity === 0) return text + '\n';
  if (opts.screenReader) return describeGlitch(intensity) + '\n' + text + '\n';
  return renderLines(glitched!, opts) + '\n' + text + '\n';
}
