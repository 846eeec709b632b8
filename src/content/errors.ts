// The error a broken content folder raises: each problem names the file and the field.
// Kept apart from the loader so that catching it does not pull YAML and zod into start-up.
export class ContentError extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ContentError';
  }
}
