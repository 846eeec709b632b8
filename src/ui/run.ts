// The interactive front end's entry (ink); loaded only by a dynamic import when both ends are terminals.
import type { GameHost, Output } from '../host/host.js';
import type { RenderSettings } from '../plain/render.js';
import type { Io } from '../cli/main.js';

export interface InteractiveOptions {
  host: GameHost;
  opening: Output;
  render: RenderSettings;
  io: Io;
}

export async function runInteractive(o: InteractiveOptions): Promise<void> {
  // Until the ink UI lands, the interactive path uses line mode.
  const { runPlain } = await import('../plain/run.js');
  await runPlain({ host: o.host, input: o.io.stdin, output: o.io.stdout, render: o.render, echo: false, opening: o.opening });
}
