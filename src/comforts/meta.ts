// The comforts' answer to meta requests the host passes on (MAP, SETTINGS, TRANSCRIPT), and the
// small pieces of wiring a front end needs: recording turns, keeping verbosity, live settings.
import type { World, State, Verbosity } from '../engine/types.js';
import type { Block } from '../narrate/index.js';
import { blocksToText } from '../narrate/index.js';
import type { Settings } from '../saves/settings.js';
import { drawMap } from './map.js';
import { type Say, sayFrom } from './say.js';
import { runSettings, type SettingsLike, type SettingKey } from './settings-command.js';
import { Transcript, transcriptsDir, type Note } from './transcript.js';

type Live<T> = T | (() => T);
const read = <T>(v: Live<T>): T => (typeof v === 'function' ? (v as () => T)() : v);

export interface ComfortsOptions {
  world: World;
  getState: () => State;
  /** null when settings are not kept (scripts): SETTINGS then says so. */
  settings: SettingsLike | null;
  /** null when nothing may be written (scripts, no player folder). */
  transcript: Transcript | null;
  /** The player's nanodream folder; transcripts go in its `transcripts/` folder. */
  home: string | null;
  /** This run's screen-reader mode and text width (a function when they can change in play). */
  screenReader: Live<boolean>;
  width: Live<number>;
  /**
   * Called after SETTINGS changed a value; return true when it took effect at once (else the
   * player is told it applies from the next start).
   */
  onSettingChange?: (key: SettingKey, value: Settings[SettingKey]) => boolean;
}

const block = (text: string, style?: Block['spans'][number]['style']): Block => ({ spans: [{ text, style }] });

export function makeOnMeta(o: ComfortsOptions): (action: string, arg: string | undefined) => Block[] | null {
  const say: Say = sayFrom(o.world);
  const transcript = transcriptMeta(o, say);

  const map = (): Block[] => {
    const lines = drawMap(o.world, o.getState(), { width: read(o.width), screenReader: read(o.screenReader), say });
    // One block: the drawing's lines must stay together, not become paragraphs.
    return [block(lines.join('\n'))];
  };

  const settings = (arg: string | undefined): Block[] => {
    if (!o.settings) return [block(say('settings.unavailable'), 'system')];
    const r = runSettings(o.settings, arg, say, { via: 'game' });
    const lines = [...r.lines];
    if (r.changed) {
      const now = o.onSettingChange?.(r.changed.key, r.changed.value) ?? false;
      if (!now) lines.push(say('settings.next_start'));
    }
    return [block(lines.join('\n'), r.ok ? 'system' : 'error')];
  };

  return (action, arg) => {
    const a = arg?.trim() || undefined;
    switch (action) {
      case 'map':
        return map();
      case 'settings':
        return settings(a);
      case 'transcript-on':
        return transcript.on(a);
      case 'transcript-off':
        return transcript.off();
      case 'transcript':
        return transcript.typed(a);
      default:
        return null;
    }
  };
}

/** TRANSCRIPT ON (to a file named or not), OFF, and TRANSCRIPT as typed. */
function transcriptMeta(o: ComfortsOptions, say: Say) {
  const note = (n: Note, style: Block['spans'][number]['style'] = 'system') => block(say(n.id, n.params), style);
  const on = (file: string | undefined): Block[] => {
    if (!o.transcript || !o.home) return [block(say('transcript.unavailable'), 'system')];
    const header = say('transcript.header', { title: o.world.game.title, version: o.world.game.version });
    const n = o.transcript.start(file, transcriptsDir(o.home), header);
    return [note(n, n.id === 'transcript.started' ? 'system' : 'error')];
  };
  const off = (): Block[] => {
    if (!o.transcript) return [block(say('transcript.unavailable'), 'system')];
    return [note(o.transcript.stop(say('transcript.footer')))];
  };
  const status = (): Block[] => {
    if (!o.transcript || !o.home) return [block(say('transcript.unavailable'), 'system')];
    return [o.transcript.file ? block(say('transcript.status_on', { file: o.transcript.file }), 'system') : block(say('transcript.status_off'), 'system')];
  };
  // The parser gives `transcript` with the rest as typed, first word lower-cased.
  const typed = (a: string | undefined): Block[] => {
    if (!a) return status();
    const [first, ...rest] = a.split(/\s+/);
    const word = first.toLowerCase();
    if (['on', 'start', 'begin'].includes(word)) return on(rest.join(' ') || undefined);
    if (['off', 'stop', 'end'].includes(word)) return off();
    return on(a); // `transcript night.txt`: a file name alone means start.
  };
  return { on, off, typed };
}

/** The part of GameHost the wiring touches (kept narrow so tests can use the real host). */
export interface HostLike {
  submit(line: string): { blocks: Block[]; quit?: boolean; settled?: Promise<Block[]> };
  session: { state: State; undo: { state: State; input: string }[] };
}

/**
 * Wraps `host.submit` so that every command and its reply goes to the transcript while it is on,
 * and a change of VERBOSE/BRIEF/SUPERBRIEF is kept in the settings for next time.
 */
export function attachComforts(host: HostLike, o: { world: World; transcript?: Transcript | null; settings?: SettingsLike | null }): void {
  const say = sayFrom(o.world);
  const submit = host.submit.bind(host);
  host.submit = (line: string) => {
    const before = host.session.state.verbosity;
    const out = submit(line);
    const after = host.session.state.verbosity;
    if (o.settings && after !== before && after !== o.settings.get('verbosity')) {
      const r = o.settings.set('verbosity', after);
      if (!r.ok) out.blocks.push(block(r.message, 'error'));
    }
    const settings = o.settings;
    for (const m of settings?.takeFailures?.() ?? []) out.blocks.push(block(m, 'error'));
    // A change still being written: the front end waits for it and shows how it went.
    if (settings?.isWriting?.() && settings.flush) {
      out.settled = settings.flush().then(() => (settings.takeFailures?.() ?? []).map((m) => block(m, 'error')));
    }
    if (o.transcript?.active) {
      const failed = o.transcript.record(line, blocksToText(out.blocks));
      if (failed) out.blocks.push(block(say(failed.id, failed.params), 'error'));
    }
    return out;
  };
}

/** Puts the kept verbosity into the game in play (after `host.start`, and when SETTINGS changes it). */
export function setVerbosity(host: HostLike, verbosity: Verbosity): void {
  if (host.session.state.verbosity === verbosity) return;
  host.session = { ...host.session, state: { ...host.session.state, verbosity } };
}

export interface RenderLike {
  color: boolean;
  width: number;
  screenReader: boolean;
  reducedMotion: boolean;
  widthSet?: boolean;
}

/**
 * Applies a changed setting to this run's render settings, as the CLI would have at start.
 * `columns` is the terminal's width; colour only comes on where the output can show it.
 */
export function applyToRender(render: RenderLike, key: SettingKey, value: Settings[SettingKey], env: { columns?: number; canColor: boolean }): boolean {
  switch (key) {
    case 'color':
      render.color = value === true && env.canColor;
      return true;
    case 'reducedMotion':
      render.reducedMotion = value === true;
      return true;
    case 'screenReader':
      render.screenReader = value === true;
      return true;
    case 'width': {
      const w = typeof value === 'number' ? value : (env.columns ?? 80);
      render.width = Math.max(20, Math.min(200, Math.floor(w) - 1));
      render.widthSet = typeof value === 'number';
      return true;
    }
    default:
      return false;
  }
}
