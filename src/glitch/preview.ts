// `nanodream preview glitch`: what the command prints, as a string (the CLI writes it).
import { glitchFrames } from './frames.js';
import { plainGlitchOutput } from './plain.js';
import { renderLines } from './render.js';

/** Shown when no TEXT is given; a preview sample, not game content. */
export const SAMPLE_TEXT =
  'The Ice Forest of Meelia rings like a struck glass. Frost ferns climb the trunks, ' +
  'and every branch holds a thread of pale light. Somewhere ahead, Leo laughs, and the ' +
  'crystal trees answer him in a thousand small voices.';

/** Fragments the sample glitch can bleed through, as if seen earlier. */
export const SAMPLE_MEMORIES = [
  'Goodnight, Leo. Goodnight, Mia.',
  'The city spires glow outside the bedroom window.',
  'Mia has not slept properly in weeks.',
];

export interface PreviewOptions {
  text?: string;
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
  const text = opts.text && opts.text.length > 0 ? opts.text : SAMPLE_TEXT;
  const memories = opts.memories ?? SAMPLE_MEMORIES;
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
