// The glitch: pure, seeded scrambling of styled text at an intensity, and its rendering.
export type { GlitchInput, GlitchOptions, GlitchSpan, LayoutOptions, Line, PaletteColor, Span } from './types.js';
export { glitchSpans, layoutGlitch, readableLayout, lineText, clampIntensity } from './glitch.js';
export {
  glitchFrames, stillFrame, frameDamage, MAX_DURATION_MS, DEFAULT_DURATION_MS, FRAME_MS, FLASH_SPACING_MS,
  type FrameOptions, type GlitchAnimation,
} from './frames.js';
export { renderLines, renderLine, renderSpans, renderFrames, type RenderOptions } from './render.js';
export { describeGlitch } from './describe.js';
export { plainGlitchOutput, type PlainGlitchOptions } from './plain.js';
export { runPreview, type PreviewOptions } from './preview.js';
export { textWidth, graphemeWidth } from './width.js';
