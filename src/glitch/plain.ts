// What the line-mode front end prints for a glitch: one scrambled rendering, then the readable
// text; for screen readers a description in words instead of any scrambled character.
import { describeGlitch } from './describe.js';
import { clampIntensity, readableLayout } from './glitch.js';
import { stillFrame } from './frames.js';
import { renderLines, type RenderOptions } from './render.js';
import type { GlitchInput, LayoutOptions } from './types.js';

export interface PlainGlitchOptions extends LayoutOptions, RenderOptions {
  screenReader?: boolean;
  /** Same output as plain mode: one still frame, then the text. */
  reducedMotion?: boolean;
}

/**
 * The exact text plain mode (and --reduced-motion / --screen-reader) prints, ending with '\n'.
 * At intensity 0 only the readable text is printed.
 */
export function plainGlitchOutput(input: GlitchInput, opts: PlainGlitchOptions): string {
  const readable = renderLines(readableLayout(input, opts.width), opts);
  const intensity = clampIntensity(opts.intensity);
  if (intensity === 0) return readable + '\n';
  if (opts.screenReader) return describeGlitch(intensity) + '\n' + readable + '\n';
  return renderLines(stillFrame(input, { ...opts, intensity }), opts) + '\n' + readable + '\n';
}
