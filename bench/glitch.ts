// Benchmark: time to compute one 80x24 glitch frame (layout + render to ANSI).
// Run: npx tsx bench/glitch.ts [iterations]. The last line is JSON for scripts.
import { performance } from 'node:perf_hooks';
import { layoutGlitch, renderLines } from '../src/glitch/index.js';
import { loadContent } from '../src/content/load.js';

// The writers' preview sample from the story's messages: a paragraph of the game's own prose.
const { messages } = loadContent(new URL('../content', import.meta.url).pathname);
const SAMPLE_TEXT = messages['preview.sample'];
const SAMPLE_MEMORIES = Object.keys(messages).filter((k) => k.startsWith('preview.memory.')).map((k) => messages[k]);

const N = Number(process.argv[2] ?? 500);
const WIDTH = 80;
const ROWS = 24;

// Enough prose to fill 24 rows of 80 columns, with a few wide characters and combining marks.
let text = '';
while (layoutGlitch(text, { width: WIDTH, intensity: 0, seed: 0 }).length < ROWS) {
  text += (text ? ' ' : '') + SAMPLE_TEXT + ' 森の氷 café (cafe\u0301).';
}
text = layoutGlitch(text, { width: WIDTH, intensity: 0, seed: 0 })
  .slice(0, ROWS)
  .map((l) => l.map((r) => r.text).join(''))
  .join(' ');

function frame(seed: number, intensity: number): string {
  const lines = layoutGlitch(text, { width: WIDTH, intensity, seed, memories: SAMPLE_MEMORIES });
  return renderLines(lines, { color: true });
}

for (let k = 0; k < 50; k++) frame(k, 0.7); // warm up

const results: Record<string, { median: number; p95: number }> = {};
const pooled: number[] = [];
let bytes = 0;
for (const intensity of [0.1, 0.5, 0.9]) {
  const times: number[] = [];
  for (let k = 0; k < N; k++) {
    const t0 = performance.now();
    bytes = frame(k, intensity).length;
    times.push(performance.now() - t0);
  }
  pooled.push(...times);
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p95 = times[Math.floor(times.length * 0.95)];
  results[String(intensity)] = { median, p95 };
  console.log(`intensity ${intensity}: median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms (${N} frames, last ${bytes} chars)`);
}

// Headline figures pool all three intensities.
pooled.sort((a, b) => a - b);
const median = pooled[Math.floor(pooled.length / 2)];
const p95 = pooled[Math.floor(pooled.length * 0.95)];
console.log(`all intensities: median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms`);
console.log(JSON.stringify({ glitchFrameMedianMs: Number(median.toFixed(3)), glitchFrameP95Ms: Number(p95.toFixed(3)), width: WIDTH, rows: ROWS, frames: pooled.length }));
