// `nanodream check [--content DIR] [--json] [--quick] [--prose] [--unshown [--witness DIR]...]`: loads the story, explores it,
// checks that the nouns its text names are answered (prose.ts), reports. `--prose` runs only that.
import type { Writable } from 'node:stream';
import { join } from 'node:path';
import { loadContent, ContentError } from '../content/load.js';
import { packageRoot } from '../content/world.js';
import { availableParallelism } from 'node:os';
import { runCheck, runCheckParallel, formatReport, reportJson, type CheckOptions, type Unreachable } from './check.js';
import type { ContentSources } from '../content/sources.js';
import { readWitnesses, WitnessFolderError, type Witness } from './witness.js';
import { Worker } from 'node:worker_threads';
import { workerStart } from './parallel.js';
import type { World } from '../engine/types.js';
import type { ProseReport } from './prose.js';

export interface CheckFlags {
  contentDir?: string;
  json: boolean;
  /** A bounded search for everyday test runs: stops at QUICK_STATES states or QUICK_MS. */
  quick?: boolean;
  maxStates?: number;
  timeLimitMs?: number;
  /** Acts as checkpoints: at most this many entry states per act (see README). */
  entriesPerAct?: number;
  /** Only the prose check: the nouns the text names that nothing answers to. */
  prose?: boolean;
  /** Also list the content rules and text variants no state found shows (see shown.ts). */
  unshown?: boolean;
  /** With unshown: folders of recorded playthroughs (`> command` lines) whose texts count as shown. */
  witness?: string[];
  /**
   * Threads for the full search (default: NANODREAM_CHECK_WORKERS, else one per core). One runs
   * the one-thread search; the quick check always does (its bounds depend on the search order).
   */
  workers?: number;
}

export const QUICK_STATES = 20_000;
export const QUICK_MS = 20_000;
export const FULL_MS = 600_000;

/** Returns the exit code: 0 when the check passes, 1 when it fails, 2 when the content does not load. */
export async function checkCommand(flags: CheckFlags, io: { stdout: Writable; stderr: Writable; now?: () => number }): Promise<number> {
  const dir = flags.contentDir ?? join(packageRoot(), 'content');
  let world;
  try {
    world = loadContent(dir);
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    if (flags.json) io.stdout.write(JSON.stringify({ ok: false, errors: e.problems }, null, 2) + '\n');
    else io.stderr.write(`nanodream check: the story files have problems:\n${e.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return 2;
  }
  // compromise (the tagger) is large: loaded here, never on the way to play.
  const { checkProse, formatProse } = await import('./prose.js');
  const { contentSources } = await import('../content/sources.js');
  const sources = contentSources(dir);
  const workers = flags.workers ?? (Number(process.env.NANODREAM_CHECK_WORKERS) || availableParallelism());
  const parallel = !flags.prose && !flags.quick && workers >= 2;
  // Beside the parallel search, the prose check runs in a thread of its own; else first, here.
  const proseLater = parallel ? proseInThread(world, dir) : null;
  const prose = proseLater ? undefined : checkProse(world, sources);
  if (flags.prose && prose) {
    io.stdout.write(flags.json ? JSON.stringify(prose, null, 2) + '\n' : formatProse(prose));
    return prose.total === 0 ? 0 : 1;
  }
  const witnesses = flags.unshown ? witnessesOrProblem(flags.witness ?? []) : [];
  if (typeof witnesses === 'string') {
    io.stderr.write(witnesses + '\n');
    return 2;
  }
  const opts: CheckOptions = {
    now: io.now ?? (() => performance.now()),
    maxStates: flags.maxStates ?? (flags.quick ? QUICK_STATES : undefined),
    timeLimitMs: flags.timeLimitMs ?? (flags.quick ? QUICK_MS : FULL_MS),
    // Acts as checkpoints always (see explore.ts); --checkpoints N bounds the states opening each act.
    checkpoints: flags.entriesPerAct ? { entriesPerAct: flags.entriesPerAct } : {},
    unshown: flags.unshown,
    witnesses,
  };
  const report = parallel ? await runCheckParallel(world, { ...opts, workers }) : runCheck(world, opts);
  const proseReport = prose ?? (await proseLater!);
  const ok = report.ok && proseReport.total === 0;
  const sourceOf = sourceNamer(sources);
  io.stdout.write(flags.json ? JSON.stringify({ ...reportJson(report, sourceOf), ok, prose: proseReport }, null, 2) + '\n' : formatReport(report, sourceOf) + formatProse(proseReport));
  return ok ? 0 : 1;
}

/** The prose check in a worker thread (prose-worker.ts): its report, or the worker's error. */
function proseInThread(world: World, dir: string): Promise<ProseReport> {
  const start = workerStart('prose-worker.cjs', 'prose-worker.ts');
  const wk = new Worker(start.what, { eval: start.eval, workerData: { world, dir } });
  return new Promise<ProseReport>((resolve, reject) => {
    wk.once('message', (r: ProseReport) => resolve(r));
    wk.once('error', reject);
    wk.once('exit', (code) => reject(new Error(`the prose check's thread ended (${code}) without a report`)));
  }).finally(() => void wk.terminate());
}

/** The playthroughs (`*.txt`) in each folder, for --witness, or what kept one from being read. */
function witnessesOrProblem(dirs: readonly string[]): Witness[] | string {
  try {
    return readWitnesses(dirs);
  } catch (e) {
    if (!(e instanceof WitnessFolderError)) throw e;
    return `nanodream check: cannot read the playthroughs in ${e.dir}: ${e.reason}`;
  }
}

/** "scenes/50-act5.yaml: [13].if": where a piece of the story is written, when the sources know. */
function sourceNamer(src: ContentSources): (u: Unreachable) => string {
  return (u) => {
    switch (u.kind) {
      case 'scene': {
        const at = src.scenes.get(u.id);
        return at ? `${at.file}: [${at.index}].${u.field}` : u.field;
      }
      case 'hint': {
        const at = src.hints.get(u.id);
        return at ? `${at.file}: [${at.index}].${u.field}` : u.field;
      }
      case 'puzzle': {
        const file = src.puzzles.get(u.id);
        return file ? `${file}: ${u.id}` : u.field;
      }
      case 'item': {
        const at = src.items.get(u.id);
        return at ? `${at.file}: ${at.path}.${u.field}` : u.field;
      }
      case 'rule':
      case 'variant':
        return characterRule(src, u) ?? ownerFile(src, u) + u.field;
    }
  };
}

/** The file and the index in it of a character's rule, from its index in the merged list. */
function characterRuleAt(src: ContentSources, id: string, path: string, index: number): { file: string; index: number } | null {
  let i = index;
  for (const part of src.characterLists.get(`${id}:${path}`) ?? []) {
    if (i < part.count) return { file: part.file, index: i };
    i -= part.count;
  }
  return null;
}

/**
 * A character's rule, by the file it is written in and its place there: `leo:ask.fear[8]` in the
 * merged list may be `characters/leo.yaml: ask.fear[5]` (act files' rules come first).
 */
function characterRule(src: ContentSources, u: Unreachable): string | null {
  if (u.kind !== 'rule' || u.owner?.kind !== 'character') return null;
  const m = /^(.+)\[(\d+)\]$/.exec(u.field);
  if (!m) return null;
  const at = characterRuleAt(src, u.owner.id, m[1]!, Number(m[2]));
  return at ? `${at.file}: ${m[1]}[${at.index}]` : null;
}

/** "rooms/apartment.yaml: kitchen.": the file a rule or variant is written in, and the path to its owner there. */
function ownerFile(src: ContentSources, u: Unreachable): string {
  const o = u.owner;
  switch (o?.kind) {
    case 'room': return `${src.rooms.get(o.id) ?? 'rooms'}: ${o.id}.`;
    case 'item': {
      const at = src.items.get(o.id);
      return at ? `${at.file}: ${at.path}.` : `items: ${o.id}.`;
    }
    case 'character': return `${src.characters.get(o.id) ?? `characters/${o.id}`}: `;
    case 'scene': {
      const at = src.scenes.get(o.id);
      return at ? `${at.file}: [${at.index}].` : `scenes: ${o.id}.`;
    }
    case 'ending': return `endings.yaml: ${o.id}.`;
    default: return 'verbs.yaml: ';
  }
}

/** For development without the main CLI: `npx tsx src/check/cli.ts [--content DIR] [--json] [--quick] [--prose]`. */
export function parseCheckArgs(argv: string[]): CheckFlags {
  const f: CheckFlags = { json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') f.json = true;
    else if (a === '--quick') f.quick = true;
    else if (a === '--prose') f.prose = true;
    else if (a === '--unshown') f.unshown = true;
    else if (a === '--witness') f.witness = [...(f.witness ?? []), argv[++i]];
    else if (a === '--content') f.contentDir = argv[++i];
    else if (a.startsWith('--content=')) f.contentDir = a.slice('--content='.length);
    else if (a === '--max-states') f.maxStates = Number(argv[++i]);
    else if (a === '--time-limit') f.timeLimitMs = Number(argv[++i]) * 1000;
    else if (a === '--checkpoints') f.entriesPerAct = Number(argv[++i]);
    else if (a === '--workers') f.workers = Number(argv[++i]);
  }
  return f;
}
