// The interactive front end's entry; loaded by a dynamic import only when both ends are terminals.
//
// Start-up: ink and React take ~0.3 s to load even bundled, so the opening text, the status line
// and the prompt are written straight to the terminal first (they are exactly what ink's first
// frame would show), and ink mounts afterwards with an empty transcript, replacing the prompt.
import type { GameHost, Output } from '../host/host.js';
import type { Block } from '../narrate/index.js';
import type { RenderSettings } from '../render/text.js';
import type { Io } from '../host/io.js';
import { blockText, statusText, whereabouts, whereaboutsSentence, worldOf, wrapWidth } from './format.js';
import { eraseReflowed, terminalReflows } from './reflow.js';
import type { UiModel } from './model.js';

export interface InteractiveOptions {
  host: GameHost;
  opening: Output;
  render: RenderSettings;
  io: Io;
}

const ERASE_LINE = '\x1b[2K';
const UP = '\x1b[1A';
const SHOW_CURSOR = '\x1b[?25h';
const RESET = '\x1b[0m';

/** ink reads CI variables once, at load, and then never draws its live area; we know this is a terminal. */
async function importWithoutCi<T>(load: () => Promise<T>): Promise<T> {
  const keys = ['CI', 'CONTINUOUS_INTEGRATION'] as const;
  const saved = keys.map((k) => [k, process.env[k]] as const);
  for (const k of keys) if (process.env[k] !== undefined) process.env[k] = 'false';
  try {
    return await load();
  } finally {
    for (const [k, v] of saved) if (v !== undefined) process.env[k] = v;
  }
}

/**
 * Ctrl+Z: the model hides the live area; once ink has drawn that (its writes are throttled to 30
 * a second), the terminal goes back to the shell as it was. After `fg` the live area is drawn
 * again below what the shell printed (ink erases the two rows its empty area took).
 */
function suspender(io: Io): ((resumed: () => void) => void) | undefined {
  const stop = io.suspend;
  if (!stop) return undefined;
  return (resumed) => {
    setTimeout(() => {
      io.stdout.write(RESET + SHOW_CURSOR);
      io.stdin.setRawMode?.(false);
      const stopped = stop(() => {
        io.stdin.setRawMode?.(true);
        io.stdout.write('\n');
        resumed();
      });
      if (!stopped) {
        io.stdin.setRawMode?.(true);
        resumed();
      }
    }, 100);
  };
}

/**
 * The erase a narrowing terminal needs (see reflow.ts), as a resize listener registered before
 * ink's own, so it runs first.
 */
function watchResize(io: Io, model: UiModel): () => void {
  const stdout = io.stdout;
  let columns = stdout.columns || 80;
  const reflows = terminalReflows(io.env);
  const onResize = (): void => {
    const now = stdout.columns || 80;
    if (reflows && now < columns && !model.ended) stdout.write(eraseReflowed(model.liveWidths(columns), now));
    columns = now;
  };
  stdout.prependListener('resize', onResize);
  return () => stdout.off('resize', onResize);
}

/**
 * Writes the opening up to its first glitch that will animate, then a status line and a prompt,
 * at once: the player reads while ink loads. Returns what is left for ink, and the rows drawn
 * below the text (for ink's first frame to take their place).
 */
function drawEarly(o: InteractiveOptions, render: RenderSettings): { tail: Block[]; early: string; liveRows: number } {
  const { host, opening, io } = o;
  const animate = !render.reducedMotion && !render.screenReader;
  const cut = animate ? opening.blocks.findIndex((b) => b.glitch) : -1;
  const head: Block[] = cut < 0 ? opening.blocks : opening.blocks.slice(0, cut);
  const tail: Block[] = cut < 0 ? [] : opening.blocks.slice(cut);
  const world = worldOf(host);
  let early = head.map((b) => blockText(b, render, host.state.memories)).join('\n\n');
  if (render.screenReader) early += `${early ? '\n\n' : ''}${whereaboutsSentence(whereabouts(world, host.state))}`;
  // The live area: a blank line, the status line (not for screen readers) and the prompt.
  const liveRows = render.screenReader ? 2 : 3;
  const status = render.screenReader ? '' : `${statusText(whereabouts(world, host.state), (io.stdout.columns || 80) - 1, render.color)}\n`;
  // Raw mode now, so keys typed while ink loads are neither echoed by the terminal nor lost.
  io.stdin.setRawMode?.(true);
  io.stdout.write(`${early ? `${early}\n` : ''}\n${status}> `);
  return { tail, early, liveRows };
}

export async function runInteractive(o: InteractiveOptions): Promise<void> {
  const { host, io } = o;
  const stdout = io.stdout;
  const screen = { columns: () => stdout.columns, rows: () => stdout.rows };
  const explicitWidth = o.render.widthSet ?? o.render.width !== wrapWidth(stdout.columns, o.render.width, false);
  const render: RenderSettings = { ...o.render, width: wrapWidth(stdout.columns, o.render.width, explicitWidth) };
  const { tail, early, liveRows } = drawEarly(o, render);

  let inkInstance: { waitUntilExit: () => Promise<unknown>; unmount: () => void } | null = null;
  try {
    const { mount } = await importWithoutCi(() => import('./app.js'));
    const { UiModel } = await import('./model.js');
    const model = new UiModel({ host, render: o.render, screen, explicitWidth, gapFirst: early !== '', suspend: suspender(io) });
    // ink's first frame takes the place of the prompt drawn above.
    stdout.write(`\r${ERASE_LINE}${`${UP}${ERASE_LINE}`.repeat(liveRows - 1)}`);
    const unwatch = watchResize(io, model);
    inkInstance = mount(model, io);
    if (tail.length) model.show(tail);
    await inkInstance.waitUntilExit();
    unwatch();
    model.dispose();
  } finally {
    if (!inkInstance) io.stdin.setRawMode?.(false);
    io.stdin.pause?.();
    stdout.write(RESET + SHOW_CURSOR);
  }
}
