// A small stand-in for GameHost (the story files change under us; the UI only needs a host's
// shape) and helpers to drive the ink UI as the game does (not ink's debug mode) into a headless
// terminal, whose screen and scrollback are what the tests read.
import './no-ci.js';
import React from 'react';
import { EventEmitter } from 'node:events';
import { render, type Instance } from 'ink';
import xterm from '@xterm/headless';
import type { GameHost, Output } from '../../src/host/host.js';
import type { Block } from '../../src/narrate/index.js';
import type { RenderSettings } from '../../src/render/text.js';
import { UiModel } from '../../src/ui/model.js';
import { App } from '../../src/ui/app.js';

export const GLITCH_TEXT = 'The walls of the room fold inward like wet paper and the floor hums.';

interface FakeState {
  player: string;
  turn: number;
  act: number;
  loc: Record<string, string>;
  memories: string[];
}

/** A host with two rooms and two characters; `glitch` answers with a glitching paragraph. */
export class FakeHost {
  world = {
    game: { title: 'test', acts: [{ id: 1, name: 'Bedtime', playable: ['leo', 'mia'] }] },
    characters: { leo: { name: 'Leo' }, mia: { name: 'Mia' } },
    rooms: { bedroom: { name: 'Bedroom' }, kitchen: { name: 'Kitchen' } },
    messages: {
      'ui.status_turn': 'turn {turn}',
      'ui.status_act': 'Act {act}: {name}',
      'ui.whereabouts': 'You are playing {character}, in {place}.',
      'ui.whereabouts_nowhere': 'You are playing {character}.',
      'ui.line_full': '(A command holds at most {max} characters; the last {dropped} of what you typed or pasted were left out. The rest is on the line.)',
    },
  };
  state: FakeState = { player: 'leo', turn: 0, act: 1, loc: { leo: 'bedroom', mia: 'kitchen' }, memories: [] };
  received: string[] = [];

  submit(line: string): Output {
    this.received.push(line);
    const cmd = line.trim().toLowerCase();
    const t = (text: string, style?: Block['spans'][number]['style']): Block => ({ spans: [{ text, style }] });
    this.state = { ...this.state, turn: this.state.turn + 1 };
    switch (cmd) {
      case 'look':
        return { blocks: [t(this.world.rooms[this.state.loc[this.state.player] as 'bedroom'].name, 'room'), t('A small room with a window.')] };
      case 'x me':
        return { blocks: [t('You look like someone who should be asleep.')] };
      case 'switch to mia':
        this.state = { ...this.state, player: 'mia' };
        return { blocks: [t('You are now playing Mia.', 'system')] };
      case 'long':
        return { blocks: [t(Array.from({ length: 60 }, (_, i) => `word${i}`).join(' '))] };
      case 'glitch':
        return { blocks: [t('Before.'), { spans: [{ text: GLITCH_TEXT, style: 'glitch' }], glitch: { intensity: 0.9, seed: 7 } }, t('After.')] };
      case 'settings':
        return { blocks: [t('The width setting is now 60.')], settled: new Promise<Block[]>((r) => setTimeout(() => r([t('It could not be written.', 'error')]), 30)) };
      case 'glitch3':
        return { blocks: [1, 2, 3].map((k) => ({ spans: [{ text: `${k}. ${GLITCH_TEXT}`, style: 'glitch' as const }], glitch: { intensity: 0.9, seed: k } })) };
      case 'quit':
        return { blocks: [t('Goodbye.', 'system')], quit: true };
      default:
        return { blocks: [t(`You said: ${line}`)] };
    }
  }
}

export const settings = (over: Partial<RenderSettings> = {}): RenderSettings => ({
  color: false, width: 99, screenReader: false, reducedMotion: false, ...over,
});

export const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

/** A terminal's output side: what ink writes goes to the headless terminal, and is kept raw. */
class TermOut extends EventEmitter {
  isTTY = true;
  raw = '';
  constructor(private readonly term: InstanceType<typeof xterm.Terminal>, private readonly screen: { columns: number; rows: number }) {
    super();
  }
  get columns() {
    return this.screen.columns;
  }
  get rows() {
    return this.screen.rows;
  }
  write = (s: string) => {
    this.raw += s;
    this.term.write(s);
    return true;
  };
}

/** A terminal's input side, as ink reads it ('readable', then read()). */
class TermIn extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

const mounted: Instance[] = [];

/** Unmounts every UI the tests mounted. */
export function cleanup(): void {
  for (const m of mounted.splice(0)) m.unmount();
}

/** Everything the terminal holds, scrollback and screen, without trailing blank rows. */
function screenText(term: InstanceType<typeof xterm.Terminal>): string {
  const buf = term.buffer.active;
  const rows: string[] = [];
  for (let y = 0; y < buf.length; y++) rows.push(buf.getLine(y)?.translateToString(true) ?? '');
  while (rows.length && rows[rows.length - 1] === '') rows.pop();
  return rows.join('\n');
}

export async function mountUi(over: Partial<RenderSettings> = {}, screen = { columns: 100, rows: 30 }) {
  const host = new FakeHost();
  const renderSettings = settings(over);
  const model = new UiModel({
    host: host as unknown as GameHost,
    render: renderSettings,
    screen: { columns: () => screen.columns, rows: () => screen.rows },
    explicitWidth: false,
  });
  return { host, model, render: renderSettings, ...(await mountModel(model, screen)) };
}

/** The screen of a model, drawn by ink into a headless terminal of the given size. */
export async function mountModel(model: UiModel, screen = { columns: 100, rows: 30 }) {
  const term = new xterm.Terminal({ cols: screen.columns, rows: screen.rows, scrollback: 10_000, allowProposedApi: true, convertEol: true });
  const stdout = new TermOut(term, screen);
  const stdin = new TermIn();
  const instance = render(<App model={model} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    exitOnCtrlC: false,
    patchConsole: false,
    // ink draws at most 30 frames a second on a terminal; the tests read the screen at once.
    maxFps: 1000,
  });
  mounted.push(instance);
  const settle = () => new Promise<void>((r) => term.write('', r));
  await tick();
  await settle();
  const type = async (s: string) => {
    stdin.write(s);
    await tick();
    await settle();
  };
  const frame = () => screenText(term);
  const ui = { stdin, stdout, raw: () => stdout.raw, settle };
  return { ui, type, frame };
}

/** The live area: the lines after the transcript (status and prompt are the last two). */
export const lastLines = (frame: string, n: number) => frame.split('\n').slice(-n).map((l) => l.trimEnd());
