// Golden outputs of the glitch: plainGlitchOutput (and glitchSpans, glitchFrames, widths and the
// preview) for every string of the story and 20,000 random texts full of emoji, CJK, combining
// marks, ZWJ sequences, tabs and control characters, at many intensities, seeds and widths,
// colour on and off. Run it before and after a change meant to keep every byte: the same
// sha256 means the same output; with a file argument it also writes the records (one JSON
// array per line) for diffing. Run: npx tsx bench/glitch-golden.ts [out.jsonl]
import { writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { plainGlitchOutput, glitchSpans, glitchFrames, textWidth, runPreview } from '../src/glitch/index.js';
import { graphemes, graphemeWidth, sanitise } from '../src/glitch/width.js';
import { seeded } from '../tests/fuzz/generate.js';
import { loadContent } from '../src/content/load.js';

const out: string[] = [];
const H = createHash('sha256');
const rec = (o: unknown) => { const s = JSON.stringify(o); out.push(s); H.update(s + '\n'); };

// 1. Every string of the story.
const world = loadContent(new URL('../content', import.meta.url).pathname);
const strings = new Set<string>();
(function walk(v: unknown) {
  if (typeof v === 'string') { if (v.trim()) strings.add(v); }
  else if (Array.isArray(v)) v.forEach(walk);
  else if (v && typeof v === 'object') Object.values(v).forEach(walk);
})(world);
const all = [...strings];
const glitchTexts: string[] = [];
(function walk(v: unknown) {
  if (Array.isArray(v)) v.forEach(walk);
  else if (v && typeof v === 'object') {
    const o = v as { glitch?: unknown; text?: unknown };
    if (typeof o.glitch === 'number' && typeof o.text === 'string') glitchTexts.push(o.text.trim());
    Object.values(v).forEach(walk);
  }
})(world);
const msgs: Record<string, string> = world.messages ?? {};
const memPool = Object.keys(msgs).filter((k) => k.startsWith('preview.memory.')).map((k) => msgs[k]);
if (msgs['preview.sample']) glitchTexts.push(msgs['preview.sample']);
console.log(`story strings ${all.length}, glitch texts ${glitchTexts.length}, memories ${memPool.length}`);

// The engine's seeded generator (mulberry32): the same sequence the glitch's own copy gave.
const rnd = seeded(12345);
const ri = (n: number) => Math.floor(rnd() * n);
const INT = [0, 0.05, 0.1, 0.2, 0.3, 0.35, 0.45, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1];
const WIDTHS = [1, 2, 5, 10, 20, 40, 79, 80, 120];

// Full grid for the scripted glitch paragraphs.
for (const t of glitchTexts) for (const i of INT) for (const w of [20, 40, 80]) for (const seed of [1, 2, 3, 123456789, -5]) for (const color of [false, true]) {
  const memories = seed === 1 ? [] : memPool.concat(all.slice(seed & 7, (seed & 7) + 3));
  rec(['g', t, i, w, seed, color, plainGlitchOutput([{ text: t, style: 'glitch' }], { width: w, intensity: i, seed, memories, color })]);
}
// Every story string at a few random settings, as the plain front end would call it.
for (const t of all) for (let k = 0; k < 3; k++) {
  const i = rnd() < 0.2 ? INT[ri(INT.length)] : rnd();
  const w = WIDTHS[ri(WIDTHS.length)];
  const seed = ri(2 ** 32);
  const color = rnd() < 0.5;
  const memories = rnd() < 0.3 ? [] : [all[ri(all.length)], all[ri(all.length)], all[ri(all.length)]];
  const style = ['glitch', 'plain', undefined, 'room', 'speech'][ri(5)];
  rec(['s', t, i, w, seed, color, plainGlitchOutput([{ text: t, style }], { width: w, intensity: i, seed, memories, color, palette: rnd() < 0.2 ? 16 : 256 })]);
}

// 2. Random strings from tricky pieces.
const PIECES = ['森', '氷', '🌲', '👩‍👧', '👨‍👩‍👧‍👦', '🏳️‍🌈', '❤️', '☺', '☺︎', '#️⃣', '1️⃣', '🇬🇧', '🇫🇷🇩', 'e\u0301', '\u0301', '\u0336', 'a\u0336\u0337', ' ', '  ', '\n', '\r\n', '\r', '\t', '\x1b[31m', '\x07', '\x00', '\x7f', '\x85', '\u009b', '\u202e', '\u2066', '\u200b', '\u200c', '\u200d', '\u200e', '\u2028', '\u2029', '\u2060', '\u2065', '\u206f', '\u00ad', '\u00a0', '©', '®', '™', '‼', '⁉', '\ufe0f', '\ufe0e', '\ufeff', '\ud800', '\udc00', 'Leo', 'Meelia', '-', '.', '—', '…', '’', '“', '”', '°', 'é', 'ñ', 'Ω', 'ж', 'ק', 'ع', 'क्ष', 'कि', '한', '\u1100\u1161\u11a8', 'ᄀ', 'ᅡ', 'ﾊﾟ', '\u0e33', '\u0e01\u0e33', '\u0903', '\u0600a', '░', '─', 'ᴢ', 'Ꭰ', 'Ꮮ', 'x', 'word', 'the', 'Down.', '\u2002', '\u3000', '\uff21', '\u{1f3fb}', '👍🏻', '\u{e0067}', '\u{1d400}', '\u{20000}', '\u0483', '\u1ab0', '\u1dc0', '\u20d0', '\u20e3', '\ufe20'];
function randomText(): string {
  const n = ri(40);
  let s = '';
  for (let k = 0; k < n; k++) {
    const r = rnd();
    if (r < 0.6) s += PIECES[ri(PIECES.length)];
    else if (r < 0.8) s += String.fromCharCode(ri(0x10000));
    else if (r < 0.9) s += String.fromCodePoint(ri(0x110000));
    else s += String.fromCharCode(0x20 + ri(0x2e0));
  }
  return s;
}
for (let k = 0; k < 20000; k++) {
  const nSpans = 1 + ri(3);
  const spans = Array.from({ length: nSpans }, () => ({ text: randomText(), style: ['glitch', 'plain', undefined, 'dim'][ri(4)] }));
  const i = rnd() < 0.2 ? INT[ri(INT.length)] : rnd();
  const w = rnd() < 0.1 ? ri(300) + 1 : WIDTHS[ri(WIDTHS.length)];
  const seed = ri(2 ** 32);
  const color = rnd() < 0.5;
  const memories = Array.from({ length: ri(3) }, () => (rnd() < 0.5 ? randomText() : all[ri(all.length)]));
  const sr = rnd() < 0.05;
  rec(['r', spans, i, w, seed, color, sr, plainGlitchOutput(spans, { width: w, intensity: i, seed, memories, color, screenReader: sr })]);
  if (k % 10 === 0) {
    const s = spans[0].text;
    rec(['w', s, graphemes(s), graphemes(s).map(graphemeWidth), textWidth(s), sanitise(s)]);
    rec(['sp', glitchSpans(spans, { intensity: i, seed, memories })]);
    rec(['fr', glitchFrames(spans, { width: w, intensity: i, seed, memories })]);
  }
}
// Preview command
for (const frames of [false, true]) for (const i of [0, 0.3, 0.7, 1]) rec(['p', runPreview({ text: msgs['preview.sample'], intensity: i, seed: 7, width: 60, frames, color: true, memories: memPool })]);

if (process.argv[2]) writeFileSync(process.argv[2], out.join('\n') + '\n');
console.log(`${out.length} records, sha256 ${H.digest('hex')}`);
