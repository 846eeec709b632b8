// The glitch stays pure: no terminal, disk, clock or global randomness inside src/glitch.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../src/glitch');

describe('src/glitch purity', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    it(`${file} uses no I/O, clock or Math.random`, () => {
      const src = readFileSync(join(dir, file), 'utf8');
      expect(src).not.toMatch(/from ['"](node:)?(fs|child_process|process|tty|os)['"]/);
      expect(src).not.toMatch(/\bprocess\.|Math\.random|Date\.now|new Date\(|performance\.now|\bchalk\b|from ['"](ink|react)['"]/);
    });
  }
});
