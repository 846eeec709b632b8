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

/**
 * Word-wraps plain text. Printable ASCII (nearly all of the story) takes a simple greedy path,
 * since measuring with Intl.Segmenter was most of the start-up time; anything else goes
 * through wrap-ansi, which measures wide and combining characters properly.
 */
export function wrapText(text: string, width: number): string {
  // eslint-disable-next-line no-control-regex
  if (!/^[\x20-\x7e]*$/.test(text)) return wrapAnsi(text, width, { hard: true, trim: true });
  const out: string[] = [];
  let line = '';
  for (let word of text.split(/ +/)) {
    if (!word) continue;
    while (word.length > width) {
      if (line) out.push(line);
      out.push(word.slice(0, width));
      word = word.slice(width);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line || !out.length) out.push(line);
  return out.join('\n');
}

export function renderBlock(b: Block, r: RenderSettings, memories: string[] = []): string {
  const plain = b.spans.map((s) => s.text).join('');
  if (b.glitch) {
    if (r.screenReader) return `${describeGlitch(b.glitch.intensity)}\n${wrapText(plain, r.width)}`;
    return plainGlitchOutput(b.spans, {
      width: r.width,
      intensity: b.glitch.intensity,
      seed: b.glitch.seed,
      memories,
      color: r.color,
      reducedMotion: r.reducedMotion,
    }).replace(/\n$/, '');
  }
  if (!r.color) return wrapText(plain, r.width);
  if (b.spans.length === 1) {
    const only = b.spans[0];
    return wrapText(plain, r.width).split('\n').map((l) => styled({ ...only, text: l })).join('\n');
  }
  return wrapAnsi(b.spans.map(styled).join(''), r.width, { hard: true, trim: true });
}

export function renderBlocks(blocks: Block[], r: RenderSettings, memories: string[] = []): string {
  return blocks.map((b) => renderBlock(b, r, memories)).join('\n\n');
}
