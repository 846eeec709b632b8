// The longest walkthrough in a checkout's tests/playthroughs/: the commands the benches play.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function longestWalkthrough(root: string): { name: string; commands: string[] } {
  const dir = join(root, 'tests', 'playthroughs');
  let best = { name: '', commands: [] as string[] };
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    if (!statSync(join(dir, f)).isFile()) continue;
    const commands = readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2).trim());
    if (commands.length > best.commands.length) best = { name: f, commands };
  }
  return best;
}
