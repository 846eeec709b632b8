// Benchmarks: start-up, piped play, the interactive first frame in a pseudo-terminal, engine
// steps, one ink UI turn over a long transcript, memory (piped, and interactive over 1,000 turns:
// bench/memory.ts) and the glitch frame.
// Run: npm run bench [-- --runs N] [--base DIR] [--node PATH] [--check] [--memory-turns N]. Prints a
// table and writes bench/results.json. NANODREAM_BENCH_ROOT points at another built checkout (its bin/ and dist/
// are measured instead). --base DIR also measures another built checkout's piped play and first
// frame, interleaved with this one's in the same run, and its memory over a long game;
// --memory-turns N sets that game's length (1,000); --node PATH runs the game (and `node -e 0`)
// with another Node (e.g. `--node "$(npx -y -p node@22 which node)"`); --check also times
// `nanodream check` (states per second), for this checkout and the base.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { World } from '../src/engine/types.js';
import { describeMemory, measureMemory, type MemoryFigures } from './memory.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');
const ROOT = resolve(process.env.NANODREAM_BENCH_ROOT ?? REPO);
const BIN = join(ROOT, 'bin', 'nanodream.cjs');
const argRuns = process.argv.indexOf('--runs');
const RUNS = argRuns > 0 ? Math.max(3, Number(process.argv[argRuns + 1])) : 11;
const argValue = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const BASE = argValue('--base') ? resolve(argValue('--base')!) : null;
const BASE_BIN = BASE ? join(BASE, 'bin', 'nanodream.cjs') : null;
/** The Node that runs the game and the `node -e 0` baseline. */
const NODE = argValue('--node') ?? process.execPath;
const CHECK = process.argv.includes('--check');
/** Turns of the long interactive game whose memory is measured (bench/memory.ts). */
const MEMORY_TURNS = Number(argValue('--memory-turns') ?? 1000);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (s: string) => process.stderr.write(`${s}\n`);

function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'nd-bench-'));
}

// ------------------------------------------------------------------ commands to play
const FALLBACK = [
  'look', 'x me', 'i', 'x sofa', 'x shelf', 'x music box', 'x photo', 'x boots', 'east', 'look', 'west', 'west', 'look',
  'east', 'north', 'look', 'south', 'switch to mia', 'look', 'x me', 'i', 'switch to leo', 'look', 'x me', 'hint',
  'help', 'undo', 'score', 'switch to elara', 'look',
];

function walkthroughFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walkthroughFiles(p));
    else if (!/\.(ts|tsx|js|json)$/.test(name)) out.push(p);
  }
  return out;
}

function longestWalkthrough(): { name: string; commands: string[] } {
  let best = { name: 'built-in list of 30 commands', commands: FALLBACK };
  for (const f of walkthroughFiles(join(REPO, 'tests', 'playthroughs'))) {
    const commands = readFileSync(f, 'utf8').split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2).trim());
    if (commands.length > best.commands.length || (best.commands === FALLBACK && commands.length > 0)) {
      best = { name: f.slice(REPO.length + 1), commands };
    }
  }
  return best;
}

// ------------------------------------------------------------------ process timings
function timeProcess(args: string[], input?: string, env?: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const r = spawnSync(NODE, args, {
    input, encoding: 'utf8', cwd: ROOT, env: env ? { ...process.env, ...env } : process.env,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Peak resident memory of a child in MB, via GNU time. */
function peakRss(cmd: string[], input?: string): number | null {
  if (!existsSync('/usr/bin/time')) return null;
  const r = spawnSync('/usr/bin/time', ['-f', 'ND_RSS_KB=%M', ...cmd], { input, encoding: 'utf8', cwd: ROOT });
  const m = /ND_RSS_KB=(\d+)/.exec(r.stderr);
  return m ? Number(m[1]) / 1024 : null;
}

// ------------------------------------------------------------------ pseudo-terminal (script)
interface PtyRun {
  firstPromptMs: number;
  inkReadyMs: number | null;
  output: string;
  rssMb: number | null;
}

/**
 * Starts the game under `script` (a real pty), reads its output as it arrives and notes when the
 * prompt first shows and when ink's own first frame replaces it; then types and quits.
 */
function ptyRun(commands: string[], withTime: boolean, bin = BIN): Promise<PtyRun> {
  return new Promise((resolvePty, reject) => {
    const home = tempHome();
    const game = `${withTime ? '/usr/bin/time -f ND_RSS_KB=%M ' : ''}${JSON.stringify(NODE)} ${JSON.stringify(bin)} --new --seed 1 --home ${home}`;
    const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', COLUMNS: '100', LINES: '30' };
    delete env.CI;
    delete env.CONTINUOUS_INTEGRATION;
    const t0 = performance.now();
    const child = spawn('script', ['-qfec', `stty cols 100 rows 30; exec ${game}`, '/dev/null'], { env, cwd: ROOT });
    let out = '';
    let firstPromptMs = -1;
    let inkReadyMs: number | null = null;
    let typed = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no prompt within 15 s; output:\n${out.slice(-2000)}`));
    }, 15_000);
    child.stdout.on('data', async (d: Buffer) => {
      out += d.toString('utf8');
      const now = performance.now() - t0;
      const plain = out.replace(/\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]/g, '');
      if (firstPromptMs < 0 && /\n> /.test(plain)) firstPromptMs = now;
      // ink's first frame comes after the erase of the early prompt (ESC[2K ESC[1A ...).
      const erase = out.indexOf('\x1b[2K\x1b[1A');
      if (inkReadyMs === null && firstPromptMs >= 0 && erase >= 0 && /\n>/.test(out.slice(erase))) {
        inkReadyMs = now;
      }
      if (inkReadyMs !== null && !typed) {
        typed = true;
        for (const c of commands) {
          child.stdin.write(`${c}\r`);
          await sleep(60);
        }
        await sleep(100);
        child.stdin.write('\x03');
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      rmSync(home, { recursive: true, force: true });
      const m = /ND_RSS_KB=(\d+)/.exec(out);
      resolvePty({ firstPromptMs, inkReadyMs, output: out, rssMb: m ? Number(m[1]) / 1024 : null });
    });
    child.on('error', reject);
  });
}

// ------------------------------------------------------------------ in-process figures
async function loadBenchWorld(): Promise<World> {
  const compiled = join(ROOT, 'dist', 'content.json');
  if (existsSync(compiled)) return JSON.parse(readFileSync(compiled, 'utf8')) as World;
  const { loadWorld } = await import('../src/content/world.js');
  return loadWorld();
}

async function engineSteps(world: World, commands: string[]): Promise<{ median: number; p99: number; steps: number }> {
  const { step, initialState } = await import('../src/engine/index.js');
  const times: number[] = [];
  for (let round = 0; round < 30; round++) {
    let s = initialState(world, 1);
    for (const c of commands) {
      const t0 = performance.now();
      const r = step(world, s, c);
      const dt = performance.now() - t0;
      if (round >= 3) times.push(dt); // the first rounds warm the JIT
      s = r.state;
    }
  }
  return { median: median(times), p99: quantile(times, 0.99), steps: times.length };
}

/** A terminal-like stdout for ink: it records when each write happens. */
class FakeTty extends EventEmitter {
  isTTY = true;
  columns = 100;
  rows = 40;
  writes = 0;
  lastWrite = '';
  onWrite: ((s: string) => void) | null = null;
  write = (s: string) => {
    this.writes++;
    this.lastWrite = s;
    this.onWrite?.(s);
    return true;
  };
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  setRawMode() { return this; }
  setEncoding() { return this; }
  resume() { return this; }
  pause() { return this; }
  ref() { return this; }
  unref() { return this; }
  read() { return null; }
}

async function uiTurn(world: World, commands: string[]): Promise<{ median: number; p95: number; lines: number }> {
  const { GameHost } = await import('../src/host/host.js');
  const { UiModel } = await import('../src/ui/model.js');
  const { mount } = await import('../src/ui/app.js');
  const stdout = new FakeTty();
  const stdin = new FakeStdin();
  const host = new GameHost({ world, seed: 1, store: null, gameVersion: 'bench' });
  host.start({ kind: 'new' });
  const render = { color: true, width: 99, screenReader: false, reducedMotion: true };
  const model = new UiModel({ host, render, screen: { columns: () => stdout.columns, rows: () => stdout.rows }, explicitWidth: false });
  const ink = mount(model, { stdin: stdin as never, stdout: stdout as never, stderr: stdout as never });
  await sleep(50);
  // 2,000 lines of transcript: 200 paragraphs of 10 lines.
  const para = Array.from({ length: 10 }, (_, i) => `Line ${i} of a paragraph that fills the transcript with ordinary prose, nothing more.`).join(' ');
  const filler = Array.from({ length: 230 }, () => ({ spans: [{ text: para }] }));
  model.show(filler);
  await sleep(100);
  const lines = model.items.reduce((n, it) => n + it.text.split('\n').length, 0);
  const times: number[] = [];
  const turns = commands.filter((c) => !/^(quit|restart|q)$/i.test(c.trim()));
  for (let k = 0; k < 40; k++) {
    const cmd = turns[k % turns.length];
    await sleep(45); // past ink's 33 ms render throttle, so the frame is drawn at once
    const done = new Promise<number>((res) => {
      stdout.onWrite = (s) => {
        if (s.includes('> ')) res(performance.now());
      };
    });
    const t0 = performance.now();
    model.input(`${cmd}\r`);
    const t1 = await Promise.race([done, sleep(1000).then(() => NaN)]);
    stdout.onWrite = null;
    if (k >= 5 && Number.isFinite(t1)) times.push(t1 - t0);
  }
  ink.unmount();
  return { median: median(times), p95: quantile(times, 0.95), lines };
}

function glitchBench(): { median: number | null; p95: number | null } {
  const tsx = join(REPO, 'node_modules', '.bin', 'tsx');
  const r = spawnSync(tsx, [join(REPO, 'bench', 'glitch.ts'), '300'], { encoding: 'utf8', cwd: REPO });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  try {
    const j = JSON.parse(last) as { glitchFrameMedianMs: number; glitchFrameP95Ms: number };
    return { median: j.glitchFrameMedianMs, p95: j.glitchFrameP95Ms };
  } catch {
    return { median: null, p95: null };
  }
}

// ------------------------------------------------------------------ main
interface Row {
  name: string;
  value: number | null;
  unit: string;
  ratio: number | null;
  target: string;
  met: boolean | null;
}

/** `nanodream check --json` (stdout a pipe, as in CI): states per second, this checkout and the base. */
function checkStatesPerSecond(bin: string): number | null {
  const r = spawnSync(NODE, [bin, 'check', '--json'], { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 28 });
  try {
    const report = JSON.parse(r.stdout) as { states: number; elapsedMs: number };
    return report.states / (report.elapsedMs / 1000);
  } catch {
    return null;
  }
}

function checkRows(): Row[] {
  if (!CHECK) return [];
  const mk = (name: string, value: number | null): Row => ({ name, value, unit: 'states/s', ratio: null, target: 'info', met: null });
  const rows = [mk('nanodream check, states per second', checkStatesPerSecond(BIN))];
  if (BASE_BIN) rows.push(mk('  the same, base checkout', checkStatesPerSecond(BASE_BIN)));
  return rows;
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'core.cjs'))) {
    log('dist/ is missing: building first');
    const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('npm run build failed');
  }
  const walk = longestWalkthrough();
  const piped = walk.commands.join('\n') + '\n';
  log(`measuring in ${ROOT}, ${RUNS} runs each; walkthrough: ${walk.name} (${walk.commands.length} commands)`);

  // A base checkout of an older build may keep V8's code cache in a folder: one of the bench's own.
  const cacheDir = mkdtempSync(join(tmpdir(), 'nd-bench-cache-'));
  process.env.NANODREAM_CACHE_DIR = cacheDir;
  log(`node: ${spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout.trim()}${BASE ? `; base: ${BASE}` : ''}`);
  const nodeMs: number[] = [];
  const versionMs: number[] = [];
  const pipedMs: number[] = [];
  const basePipedMs: number[] = [];
  const homes: string[] = [];
  const playPiped = (bin: string) => {
    const home = tempHome();
    homes.push(home);
    return timeProcess([bin, '--new', '--seed', '1', '--home', home], piped);
  };
  // One untimed run of each, so Node's compile cache (Node 22) is warm as on a player's machine.
  playPiped(BIN);
  if (BASE_BIN) playPiped(BASE_BIN);
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, so a busy moment on the machine hits every figure alike.
    nodeMs.push(timeProcess(['-e', '0']));
    versionMs.push(timeProcess([BIN, '--version']));
    pipedMs.push(playPiped(BIN));
    if (BASE_BIN) basePipedMs.push(playPiped(BASE_BIN));
  }
  for (const h of homes) rmSync(h, { recursive: true, force: true });
  const node = median(nodeMs);
  log(`node -e 0 ${node.toFixed(0)} ms, --version ${median(versionMs).toFixed(0)} ms, piped ${median(pipedMs).toFixed(0)} ms`);

  const firstFrames: number[] = [];
  const baseFirstFrames: number[] = [];
  const inkReady: number[] = [];
  let interactiveRss: number | null = null;
  let memory: MemoryFigures | null = null;
  let baseMemory: MemoryFigures | null = null;
  let ptyError: string | null = null;
  if (spawnSync('script', ['-V']).error) ptyError = '`script` (util-linux) is not installed';
  else {
    try {
      for (let i = 0; i < RUNS; i++) {
        const r = await ptyRun(i === 0 ? ['look', 'x me', 'i'] : [], false);
        firstFrames.push(r.firstPromptMs);
        if (r.inkReadyMs !== null) inkReady.push(r.inkReadyMs);
        if (BASE_BIN) baseFirstFrames.push((await ptyRun([], false, BASE_BIN)).firstPromptMs);
      }
      const withRss = await ptyRun(walk.commands.slice(0, 30), true);
      interactiveRss = withRss.rssMb;
      // A long game: `look` 1,000 times (the base first, when there is one, in the same run).
      if (BASE) {
        baseMemory = await measureMemory(BASE, { turns: MEMORY_TURNS, node: NODE });
        log(`base: ${describeMemory(baseMemory)}`);
      }
      memory = await measureMemory(ROOT, { turns: MEMORY_TURNS, node: NODE });
      log(`this: ${describeMemory(memory)}`);
    } catch (e) {
      ptyError = (e as Error).message;
    }
  }
  if (ptyError) log(`pty figures skipped: ${ptyError}`);

  const pipedRssHome = tempHome();
  const pipedRss = peakRss([process.execPath, BIN, '--new', '--seed', '1', '--home', pipedRssHome], piped);
  rmSync(pipedRssHome, { recursive: true, force: true });
  const nodeRss = peakRss([process.execPath, '-e', '0']);

  const world = await loadBenchWorld();
  const steps = await engineSteps(world, walk.commands);
  const turn = await uiTurn(world, walk.commands);
  const glitch = glitchBench();

  const row = (name: string, value: number | null, unit: string, max: number | null, targetText: string, base: number | null = node): Row => ({
    name, value, unit, ratio: value !== null && base ? value / base : null, target: targetText,
    met: value === null || max === null ? null : value <= max,
  });
  const rows: Row[] = [
    row('node -e 0 (baseline)', node, 'ms', null, '', node),
    row('nanodream --version', median(versionMs), 'ms', node * 1.3, '≤ 1.3× node'),
    row(`piped play (${walk.commands.length} commands)`, median(pipedMs), 'ms', node * 2.5, '≤ 2.5× node'),
    ...(BASE ? [row('  the same, base checkout', median(basePipedMs), 'ms', null, 'info')] : []),
    row('interactive first frame (pty)', firstFrames.length ? median(firstFrames) : null, 'ms', 300, '≤ 300 ms'),
    ...(BASE ? [row('  the same, base checkout', baseFirstFrames.length ? median(baseFirstFrames) : null, 'ms', null, 'info')] : []),
    row('  ink mounted and ready (pty)', inkReady.length ? median(inkReady) : null, 'ms', null, 'info'),
    row(`engine step median (${steps.steps} steps)`, steps.median, 'ms', 0.2, '≤ 0.2 ms'),
    row('engine step p99', steps.p99, 'ms', 1, '≤ 1 ms'),
    row(`ink UI turn, ${turn.lines}-line transcript (median)`, turn.median, 'ms', 16, '≤ 16 ms'),
    row('  ink UI turn p95', turn.p95, 'ms', null, 'info'),
    row('peak RSS interactive (30 walkthrough commands)', interactiveRss, 'MB', 90, '≤ 90 MB', nodeRss),
    row('interactive RSS after 10 turns', memory?.after10 ?? null, 'MB', null, 'info', nodeRss),
    row(`interactive RSS after ${MEMORY_TURNS} turns`, memory?.afterAll ?? null, 'MB', memory ? memory.after10 + 10 : null, '≤ 10 + after 10', nodeRss),
    row(`peak RSS interactive (${MEMORY_TURNS} turns)`, memory?.peak ?? null, 'MB', 90, '≤ 90 MB', nodeRss),
    ...(BASE ? [
      row('  RSS after 10 turns, base checkout', baseMemory?.after10 ?? null, 'MB', null, 'info', nodeRss),
      row(`  RSS after ${MEMORY_TURNS} turns, base checkout`, baseMemory?.afterAll ?? null, 'MB', null, 'info', nodeRss),
      row('  peak RSS, base checkout', baseMemory?.peak ?? null, 'MB', null, 'info', nodeRss),
    ] : []),
    row('peak RSS piped', pipedRss, 'MB', 60, '≤ 60 MB', nodeRss),
    row('  node -e 0 RSS', nodeRss, 'MB', null, 'info', nodeRss),
    row('glitch frame 80x24 median (bench/glitch.ts)', glitch.median, 'ms', null, 'info'),
    ...checkRows(),
  ];

  const fmt = (v: number | null, unit: string) => (v === null || !Number.isFinite(v) ? 'n/a' : `${v < 10 ? v.toFixed(3) : v.toFixed(0)} ${unit}`);
  const w0 = Math.max(...rows.map((r) => r.name.length));
  const lines = [
    `${'figure'.padEnd(w0)}  ${'value'.padStart(10)}  ${'× node'.padStart(7)}  ${'target'.padEnd(12)}  result`,
    '-'.repeat(w0 + 45),
    ...rows.map((r) => `${r.name.padEnd(w0)}  ${fmt(r.value, r.unit).padStart(10)}  ${(r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`).padStart(7)}  ${r.target.padEnd(12)}  ${r.met === null ? '' : r.met ? 'met' : 'MISSED'}`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
  const results = {
    when: new Date().toISOString(),
    node: process.version,
    root: ROOT,
    runs: RUNS,
    walkthrough: { name: walk.name, commands: walk.commands.length },
    ptyError,
    figures: rows.map((r) => ({ name: r.name.trim(), value: r.value, unit: r.unit, ratioToNode: r.ratio, target: r.target, met: r.met })),
    raw: { nodeMs, versionMs, pipedMs, basePipedMs, firstFrameMs: firstFrames, baseFirstFrameMs: baseFirstFrames, inkReadyMs: inkReady, memory, baseMemory },
  };
  writeFileSync(join(HERE, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  rmSync(cacheDir, { recursive: true, force: true });
  log('wrote bench/results.json');
}

await main();
