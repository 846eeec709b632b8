// The error a broken content folder raises: each problem names the file and the field.
// Kept apart from the loader so that catching it does not pull YAML and zod into start-up.
//
// The built game is two bundles (dist/core.cjs and dist/extra.cjs), each with its own copy of
// this class, so `instanceof` asks for the mark every copy sets rather than for one prototype.
const MARK = Symbol.for('nanodream.ContentError');

export class ContentError extends Error {
  readonly [MARK] = true;
  constructor(public readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ContentError';
  }

  static override [Symbol.hasInstance](x: unknown): boolean {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[MARK] === true;
  }
}
