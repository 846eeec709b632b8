// Runs a game for a front end: the session, the autosave, and the requests the engine hands out
// (save, restore, restart, quit…). Disk access comes in through the injected save store.
import type { World, GameEvent, State } from '../engine/types.js';
import { play, newSession, type Session, roomOf } from '../engine/index.js';
import { narrate, formatMessage, type Block } from '../narrate/index.js';
import {
  type SaveStore, type TurnFailure, makeSaveDoc, checkSlotName, formatSlotTable, AUTOSAVE, trimUndo, UNDO_LIMIT, type SaveDoc,
} from '../saves/index.js';

export type { TurnFailure };

export interface HostOptions {
  world: World;
  seed: number;
  /** null: nothing is written (scripts, tests that do not care). */
  store: SaveStore | null;
  gameVersion: string;
  now?: () => Date;
  /**
   * 'turn' writes the autosave after every turn; 'deferred' marks it due and leaves the write to
   * flushAutosave(), which line mode calls whenever it waits for input (piped scripts save once).
   */
  autosave?: 'turn' | 'deferred';
  /**
   * Told when a turn threw: the host has already kept the state from before the turn and said so
   * to the player; this keeps the details (a log file, in the game). Returns where they went.
   */
  onTurnFailed?: (details: TurnFailure) => string | null;
  /** The engine's turn; tests pass one that throws, to prove a failed turn loses nothing. */
  play?: typeof play;
  /** Called for meta requests the host does not handle itself (map, settings, transcript). */
  onMeta?: (action: string, arg: string | undefined) => Block[] | null;
}

export interface Output {
  blocks: Block[];
  quit?: boolean;
}

type Confirm = { kind: 'restart' } | { kind: 'delete'; name: string };

const text = (t: string, style?: Block['spans'][number]['style']): Block => ({ spans: [{ text: t, style }] });

export class GameHost {
  session: Session;
  private confirm: Confirm | null = null;
  private autosaveDue = false;
  private readonly w: World;

  constructor(private readonly opts: HostOptions) {
    this.w = opts.world;
    this.session = newSession(opts.world, opts.seed);
  }

  get world(): World {
    return this.w;
  }

  get state(): State {
    return this.session.state;
  }

  private m(id: string, params?: Record<string, string | number>): Block {
    return text(formatMessage(this.w, id, params), 'system');
  }

  /** The opening: `mode` says whether to continue the autosave, start afresh, or load a slot. */
  start(mode: { kind: 'continue' } | { kind: 'new' } | { kind: 'load'; name: string }): Output {
    const store = this.opts.store;
    const intro = (): Output => ({
      blocks: [
        { spans: [{ text: this.w.game.title, style: 'title' }] },
        ...narrate(this.w, [{ type: 'text', text: this.w.game.intro }]),
        ...this.look(),
      ],
    });
    if (!store) return intro();
    if (mode.kind === 'new') {
      const r = store.rotateAutosave();
      const out = intro();
      if (r.ok && r.value.kept) out.blocks.unshift(this.m('host.autosave_kept'));
      if (!r.ok) out.blocks.unshift(text(r.message, 'error'));
      return out;
    }
    const name = mode.kind === 'load' ? mode.name : AUTOSAVE;
    if (mode.kind === 'continue' && !store.has(AUTOSAVE)) return intro();
    const loaded = this.loadSlot(name);
    if (!loaded.ok) {
      const out = intro();
      out.blocks.unshift(text(loaded.message, 'error'));
      return out;
    }
    const s = this.session.state;
    return {
      blocks: [
        { spans: [{ text: this.w.game.title, style: 'title' }] },
        this.m(mode.kind === 'load' ? 'host.loaded' : 'host.continued', {
          name,
          character: this.w.characters[s.player]?.name ?? s.player,
          place: this.w.rooms[roomOf(s, s.player)]?.name ?? '',
          turn: s.turn,
        }),
        ...loaded.notes.map((n) => text(n, 'system')),
        ...this.look(),
      ],
    };
  }

  private look(): Block[] {
    const r = play(this.w, { state: this.session.state, undo: [] }, 'look');
    // Looking at the start must not count as a turn or land in the undo history.
    this.session = { state: { ...r.session.state, lastInput: this.session.state.lastInput }, undo: this.session.undo };
    return narrate(this.w, r.events);
  }

  /**
   * Plays one line. A turn that throws never ends the game: the state from before the turn
   * stands, the player is told once, and the details go to the host's log.
   */
  submit(line: string): Output {
    const before = this.session;
    const confirm = this.confirm;
    try {
      return this.play(line);
    } catch (error) {
      this.session = before;
      this.confirm = confirm;
      const s = before.state;
      const where = this.opts.onTurnFailed?.({ input: line, seed: s.seed, turn: s.turn, error }) ?? null;
      return { blocks: [this.m(where ? 'host.turn_failed_logged' : 'host.turn_failed', { log: where ?? '' })] };
    }
  }

  private play(line: string): Output {
    if (this.confirm) return this.answerConfirm(line);
    const before = this.session;
    const { session, events } = (this.opts.play ?? play)(this.w, this.session, line);
    this.session = session;
    const blocks = narrate(this.w, events);
    let quit = false;
    for (const e of events) {
      if (e.type !== 'meta') continue;
      const r = this.meta(e);
      blocks.push(...r.blocks);
      if (r.quit) quit = true;
    }
    if (session !== before && session.state !== before.state) {
      if (this.opts.autosave === 'deferred') this.autosaveDue = true;
      else {
        const err = this.autosave();
        if (err) blocks.push(text(err, 'error'));
      }
    }
    return { blocks, quit };
  }

  /** Writes a deferred autosave if one is due; returns a message only when the disk refused. */
  flushAutosave(): Block[] {
    if (!this.autosaveDue) return [];
    this.autosaveDue = false;
    const err = this.autosave();
    return err ? [text(err, 'error')] : [];
  }

  private doc(): SaveDoc {
    const s = this.session.state;
    return makeSaveDoc({
      state: s,
      undo: trimUndo(this.session.undo.map((u) => u.state), UNDO_LIMIT),
      gameVersion: this.opts.gameVersion,
      contentVersion: this.w.game.version,
      characterName: this.w.characters[s.player]?.name,
      placeName: this.w.rooms[roomOf(s, s.player)]?.name,
      now: this.opts.now,
    });
  }

  /** Writes the autosave; returns a message only when the disk refused. */
  autosave(): string | null {
    if (!this.opts.store) return null;
    const r = this.opts.store.autosave(this.doc());
    return r.ok ? null : formatMessage(this.w, 'host.autosave_failed', { problem: r.message });
  }

  private loadSlot(name: string): { ok: true; notes: string[] } | { ok: false; message: string } {
    const r = this.opts.store!.load(name, this.w);
    if (!r.ok) return { ok: false, message: r.message };
    const { doc, notes } = r.value;
    const states = [...doc.undo, doc.state];
    this.session = {
      state: doc.state,
      undo: doc.undo.map((st, i) => ({ state: st, input: states[i + 1].lastInput ?? '' })),
    };
    this.confirm = null;
    return { ok: true, notes };
  }

  private meta(e: Extract<GameEvent, { type: 'meta' }>): Output {
    const store = this.opts.store;
    const arg = e.arg?.trim();
    switch (e.action) {
      case 'quit':
        return { blocks: [this.m(store ? 'host.quit_saved' : 'host.quit')], quit: true };
      case 'restart':
        this.confirm = { kind: 'restart' };
        return { blocks: [this.m('host.confirm_restart')] };
      case 'save': {
        if (!store) return { blocks: [this.m('host.no_saves')] };
        const name = arg || 'save';
        const check = checkSlotName(name);
        if (!check.ok) return { blocks: [text(check.message, 'error')] };
        const r = store.save(name, this.doc());
        return { blocks: [r.ok ? this.m('host.saved', { name }) : text(r.message, 'error')] };
      }
      case 'restore': {
        if (!store) return { blocks: [this.m('host.no_saves')] };
        const name = arg || this.latestSlot();
        if (!name) return { blocks: [this.m('host.nothing_to_restore')] };
        const r = this.loadSlot(name);
        if (!r.ok) return { blocks: [text(r.message, 'error')] };
        return { blocks: [this.m('host.restored', { name }), ...r.notes.map((n) => text(n, 'system')), ...this.look()] };
      }
      case 'saves': {
        if (!store) return { blocks: [this.m('host.no_saves')] };
        return { blocks: formatSlotTable(store.list()).map((l) => text(l)) };
      }
      case 'delete': {
        if (!store) return { blocks: [this.m('host.no_saves')] };
        if (!arg) return { blocks: [this.m('host.delete_which')] };
        if (!store.has(arg)) return { blocks: [this.m('host.no_such_slot', { name: arg })] };
        this.confirm = { kind: 'delete', name: arg };
        return { blocks: [this.m('host.confirm_delete', { name: arg })] };
      }
      default: {
        const r = this.opts.onMeta?.(e.action, arg);
        return { blocks: r ?? [this.m('meta.cannot')] };
      }
    }
  }

  private latestSlot(): string | null {
    const slots = this.opts.store!.list().filter((s) => s.ok && s.savedAt);
    slots.sort((a, b) => (b.savedAt ?? '').localeCompare(a.savedAt ?? ''));
    return slots[0]?.name ?? null;
  }

  private answerConfirm(line: string): Output {
    const c = this.confirm!;
    this.confirm = null;
    const yes = /^\s*(y|yes|ok|sure)\s*[.!]?\s*$/i.test(line);
    if (!yes) return { blocks: [this.m('host.cancelled')] };
    if (c.kind === 'restart') {
      const seed = this.session.state.seed;
      this.session = newSession(this.w, seed);
      const err = this.autosave();
      return {
        blocks: [
          this.m('host.restarted'),
          ...narrate(this.w, [{ type: 'text', text: this.w.game.intro }]),
          ...this.look(),
          ...(err ? [text(err, 'error')] : []),
        ],
      };
    }
    const r = this.opts.store!.delete(c.name);
    return { blocks: [r.ok ? this.m('host.deleted', { name: c.name }) : text(r.message, 'error')] };
  }
}
