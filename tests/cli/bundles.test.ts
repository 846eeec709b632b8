// The built game is split: dist/core.cjs (what every run needs)
// and dist/extra.cjs (commander, the YAML loader with zod, conf). Errors cross between them.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError } from '../../src/content/errors.js';
import { UserError } from '../../src/cli/play.js';

const dist = join(import.meta.dirname, '../../dist');

describe('errors made by the other bundle', () => {
  it('are still UserError and ContentError to instanceof (each copy sets the same mark)', () => {
    const userMark: unique symbol = Symbol.for('nanodream.UserError') as never;
    const contentMark: unique symbol = Symbol.for('nanodream.ContentError') as never;
    class OtherUserError extends Error {
      readonly [userMark] = true;
    }
    class OtherContentError extends Error {
      readonly [contentMark] = true;
    }
    expect(new OtherUserError('x')).toBeInstanceOf(UserError);
    expect(new OtherContentError('x')).toBeInstanceOf(ContentError);
    expect(new UserError('x')).toBeInstanceOf(UserError);
    expect(new UserError('x')).toBeInstanceOf(Error);
    expect(new ContentError(['a'])).toBeInstanceOf(ContentError);
    expect(new ContentError(['a']).problems).toEqual(['a']);
    expect(new Error('x')).not.toBeInstanceOf(UserError);
    expect(new OtherUserError('x')).not.toBeInstanceOf(ContentError);
    expect(null).not.toBeInstanceOf(UserError);
  });
});

describe('the built bundles', () => {
  const core = readFileSync(join(dist, 'core.cjs'), 'latin1');
  const extra = readFileSync(join(dist, 'extra.cjs'), 'latin1');

  it('keep commander, YAML and the schema checks out of the core, in extra', () => {
    for (const mark of ['Did you mean', 'YAMLParseError', 'unknown option']) {
      expect(core, mark).not.toContain(mark);
      expect(extra, mark).toContain(mark);
    }
    expect(core).toContain('require("./extra.cjs")');
  });

  it('leave no import() in the core but the ink screen (vm.Script has no module loader)', () => {
    const imports = [...core.matchAll(/[^\w$.]import\((["'][^"']*["'])\)/g)].map((m) => m[1]);
    expect(imports.every((p) => /\/ui\/run\.js/.test(p!))).toBe(true);
  });
});
