// `nanodream preview glitch`: what the command prints, as a string (the CLI writes it).
import { glitchFrames } from './frames.js';
import { plainGlitchOutput } from './plain.js';
import { renderLines } from './render.js';

export interface PreviewOptions {
  /** The text to glitch; the CLI passes the content's sample when the writer gives none. */
  text: string;
  intensity: number;
  seed: number;
  width: number;
  frames: boolean;
  color: boolean;
  memories?: string[];
  durationMs?: number;
}

/** The command's whole output, ending with '\n'. */
export function runPreview(opts: PreviewOptions): string {
  const text = opts.text;
  const memories = opts.memories ?? [];
  const layout = { width: opts.width, intensity: opts.intensity, seed: opts.seed, memories };
  if (!opts.frames) return plainGlitchOutput(text, { ...layout, color: opts.color });

  const anim = glitchFrames(text, { ...layout, durationMs: opts.durationMs });
  const header = (s: string) => renderLines([[{ text: s, style: 'dim' }]], { color: opts.color });
  let out = '';
  let t = 0;
  anim.frames.forEach((frame, k) => {
    const last = k === anim.frames.length - 1;
    const flash = anim.flashes.includes(k) ? ' flash' : '';
    const label = last ? `frame ${k + 1}/${anim.frames.length} at ${t} ms (settled)` : `frame ${k + 1}/${anim.frames.length} at ${t} ms for ${anim.delayMs[k]} ms${flash}`;
    out += header(label) + '\n' + renderLines(frame, { color: opts.color }) + '\n';
    t += anim.delayMs[k];
  });
  return out;
}
