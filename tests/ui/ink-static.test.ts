// The bundle's ink keeps only the latest piece of <Static> output it wrote, not the whole
// transcript (src/tools/ink-static.ts), and the live area never fills the terminal, the one case
// in which ink would need the whole transcript again (liveAreaFit).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { INK_FILE, inkKeepsLatestStatic, keepLatestStatic } from '../../src/tools/ink-static.js';
import { liveAreaFit } from '../../src/ui/app.js';

const inkFile = join(import.meta.dirname, '..', '..', 'node_modules', 'ink', 'build', 'ink.js');

describe('ink without the transcript in memory', () => {
  it('replaces the one accumulation outside debug mode, and nothing else', () => {
    const source = readFileSync(inkFile, 'utf8');
    const out = keepLatestStatic(source);
    expect(source.match(/this\.fullStaticOutput \+= staticOutput;/g)).toHaveLength(2);
    // The debug branch, which redraws everything on every frame, still keeps it all.
    expect(out.match(/this\.fullStaticOutput \+= staticOutput;/g)).toHaveLength(1);
    expect(out.match(/this\.fullStaticOutput = staticOutput;/g)).toHaveLength(1);
    expect(out.indexOf('this.fullStaticOutput += staticOutput;')).toBeLessThan(out.indexOf('this.isScreenReaderEnabled) {'));
    expect(out.replace('this.fullStaticOutput = staticOutput;', 'this.fullStaticOutput += staticOutput;')).toBe(source);
    expect(INK_FILE.test(inkFile)).toBe(true);
  });

  it('refuses a version whose line changed, so the build stops', () => {
    expect(() => keepLatestStatic('class Ink { onRender() { this.fullStaticOutput = ""; } }')).toThrow(/ink/);
  });

  it('is what the build bundles for the screen', async () => {
    const r = await build({
      stdin: { contents: "export { render } from 'ink';", resolveDir: join(import.meta.dirname, '..', '..'), loader: 'js' },
      bundle: true, write: false, format: 'esm', platform: 'node', plugins: [inkKeepsLatestStatic],
      external: ['react-devtools-core'],
    });
    const text = r.outputFiles[0].text;
    expect(text.match(/this\.fullStaticOutput = staticOutput;/g)).toHaveLength(1);
    expect(text.match(/this\.fullStaticOutput \+= staticOutput;/g)).toHaveLength(1);
  });

  it('keeps the live area shorter than the terminal from two rows up', () => {
    for (let rows = 2; rows <= 40; rows++) {
      for (const sr of [false, true]) {
        // The model cuts a glitch frame to rows - 4 and shows none below five rows.
        for (const frame of rows >= 5 ? [0, 1, rows - 4] : [0]) {
          const fit = liveAreaFit(rows, frame, sr);
          const height = fit.margin + frame + (fit.status ? 1 : 0) + 1;
          expect(height, `rows ${rows}, frame ${frame}, screen reader ${sr}`).toBeLessThan(rows);
          if (rows >= 5 && frame === 0) expect(fit).toEqual({ margin: 1, status: !sr });
        }
      }
    }
  });
});
