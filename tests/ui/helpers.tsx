// A small stand-in for GameHost (the story files change under us; the UI only needs a host's
// shape) and helpers to drive the ink UI through ink-testing-library.
import './no-ci.js';
import React from 'react';
import { render } from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
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

export async function mountUi(over: Partial<RenderSettings> = {}, screen = { columns: 100, rows: 30 }) {
  const host = new FakeHost();
  const renderSettings = settings(over);
  const model = new UiModel({
    host: host as unknown as GameHost,
    render: renderSettings,
    screen: { columns: () => screen.columns, rows: () => screen.rows },
    explicitWidth: false,
  });
  const ui = render(<App model={model} />);
  await tick();
  const type = async (s: string) => {
    ui.stdin.write(s);
    await tick();
  };
  const frame = () => stripAnsi(ui.lastFrame() ?? '');
  return { host, model, ui, type, frame, render: renderSettings };
}

/** The live area: the lines after the transcript (status and prompt are the last two). */
export const lastLines = (frame: string, n: number) => frame.split('\n').slice(-n).map((l) => l.trimEnd());
