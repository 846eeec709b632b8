// Blocks to terminal text for line mode: wrapping, styles (when colour is on) and glitches.
import { Chalk } from 'chalk';
import wrapAnsi from 'wrap-ansi';
import type { Block, Span } from '../narrate/index.js';
import { plainGlitchOutput, describeGlitch } from '../glitch/index.js';

export interface RenderSettings {
  color: boolean;
  width: number;
  screenReader: boolean;
  reducedMotion: boolean;
}

// An explicit level: whether to colour is decided by the CLI (flags, NO_COLOR, TERM), not chalk.
const c = new Chalk({ level: 2 });

function styled(span: Span): string {
  switch (span.style) {
    case 'title': return c.bold.magentaBright(span.text);
    case 'room': return c.bold.cyanBright(span.text);
    case 'emph': return c.bold(span.text);
    case 'dim': return c.dim(span.text);
    case 'error': return c.yellow(span.text);
    case 'system': return c.gray(span.text);
    case 'speech': return c.green(span.text);
    case 'glitch': return c.magenta(span.text);
    case 'ending': return c.whiteBright(span.text);
    default: return span.text;
  }
}

export function renderBlock(b: Block, r: RenderSettings, memories: string[] = []): string {
  const plain = b.spans.map((s) => s.text).join('');
  if (b.glitch) {
    if (r.screenReader) return `${describeGlitch(b.glitch.intensity)}\n${wrapAnsi(plain, r.width, { hard: true })}`;
    return plainGlitchOutput(b.spans, {
      width: r.width,
      intensity: b.glitch.intensity,
      seed: b.glitch.seed,
      memories,
      color: r.color,
      reducedMotion: r.reducedMotion,
    }).replace(/\n$/, '');
  }
  const t = r.color ? b.spans.map(styled).join('') : plain;
  return wrapAnsi(t, r.width, { hard: true, trim: true });
}

export function renderBlocks(blocks: Block[], r: RenderSettings, memories: string[] = []): string {
  return blocks.map((b) => renderBlock(b, r, memories)).join('\n\n');
}
