// Runs a game for a front end: the session, the autosave, and the requests the engine hands out
// (save, restore, restart, quit…). Disk access comes in through the injected save store.
import type { World, GameEvent, State } from '../engine/types.js';
import { play, newSession, printableInput, type Session, roomOf } from '../engine/index.js';
import { narrate, formatMessage, type Block } from '../narrate/index.js';
import {
  type SaveStore, type TurnFailure, type FailCode, type SlotInfo, type JournalEntry, makeSaveDoc, checkSlotName, formatSlotTable, AUTOSAVE, trimUndo, type SaveDoc,
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
  /** Timers for the journal's sync (tests pass their own). */
  timers?: Timers;
  /** How the player starts the game again, as the farewell and the welcome back say it. */
  relaunch?: { again: string; fresh: string };
  /** Called for meta requests the host does not handle itself (map, settings, transcript). */
  onMeta?: (action: string, arg: string | undefined) => Block[] | null;
}

export interface Output {
  blocks: Block[];
  quit?: boolean;
  /**
   * What the turn started and has not finished (a setting being written): the front end shows
   * these blocks when it is done, before it plays the next line.
   */
  settled?: Promise<Block[]>;
}

type Confirm = { kind: 'restart' } | { kind: 'delete'; name: string };

const text = (t: string, style?: Block['spans'][number]['style']): Block => ({ spans: [{ text: t, style }] });

/** Turns kept in the journal before the next one writes a whole snapshot instead. */
export const JOURNAL_MAX = 256;
/** How long a journaled turn may wait for the disk (a power loss loses at most this much play). */
export const SYNC_MS = 1000;

/** What a journaled turn must lead to when it is redone: a mismatch ends the redo there. */
export const fingerprint = (s: State): string => `${s.turn}|${s.rng}|${s.player}|${s.loc[s.player] ?? ''}|${s.ending ?? ''}`;

export interface Timers {
  set: (fn: () => void, ms: number) => unknown;
  clear: (t: unknown) => void;
}

const defaultTimers: Timers = {
  // Unref'd: a pending sync never keeps the process alive (closing syncs what is left).
  set: (fn, ms) => setTimeout(fn, ms).unref(),
  clear: (t) => clearTimeout(t as NodeJS.Timeout),
};

export class GameHost {
  private current!: Session;
  private confirm: Confirm | null = null;
  /** The session was set other than by playing a line (start, restore, restart, a setting): the next autosave is a snapshot. */
  private replaced = true;
  /** Something changed since the autosave last took it. */
  private unsaved = false;
  /** When the autosave (snapshot or journal) last took the game's turns; null until it has. */
  private keptAt: string | null = null;
  /** Turns played since the last write, for the journal. */
  private pending: JournalEntry[] = [];
  /** The disk refused the last autosave: said once, and the next one writes a snapshot. */
  private failing = false;
  private syncTimer: unknown = null;
  private readonly timers: Timers;
  private readonly w: World;
  private readonly relaunch: { again: string; fresh: string };

  constructor(private readonly opts: HostOptions) {
    this.w = opts.world;
    this.relaunch = opts.relaunch ?? { again: 'nanodream', fresh: 'nanodream --new' };
    this.timers = opts.timers ?? defaultTimers;
    this.session = newSession(opts.world, opts.seed);
  }

  /** The game in play. Setting it from outside (a setting, a restore) makes the next autosave a snapshot. */
  get session(): Session {
    return this.current;
  }

  set session(s: Session) {
    this.current = s;
    this.replaced = true;
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

  /**
   * The opening: `mode` says whether to continue the autosave, start afresh, or load a slot.
   * Nothing is written here. A `--load` that cannot be played comes back `refused` (the run ends
   * there, before any turn could write over the autosave); an autosave this version cannot use
   * is moved aside under its own name, never written over.
   */
  start(mode: { kind: 'continue' } | { kind: 'new' } | { kind: 'load'; name: string }): Output & { refused?: string } {
    const out = this.opening(mode);
    // The game to play is settled: its snapshot goes to disk now, so that every turn after only
    // appends to the journal (a turn's autosave stays small, the first one too).
    if (out.refused === undefined && this.opts.store) {
      const err = this.autosave();
      if (err) out.blocks.push(text(err, 'error'));
    }
    return out;
  }

  private opening(mode: { kind: 'continue' } | { kind: 'new' } | { kind: 'load'; name: string }): Output & { refused?: string } {
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
      else if (r.ok && r.message) out.blocks.unshift(text(r.message, 'error'));
      if (!r.ok) out.blocks.unshift(text(r.message, 'error'));
      return out;
    }
    const name = mode.kind === 'load' ? mode.name : AUTOSAVE;
    if (mode.kind === 'continue' && !store.has(AUTOSAVE)) return intro();
    const loaded = this.loadSlot(name);
    if (!loaded.ok) {
      if (mode.kind === 'load') return { blocks: [], refused: loaded.message };
      // An autosave that cannot be read at all (permissions, a failing disk) is not ours to move.
      if (loaded.code === 'io' || loaded.code === 'missing' || loaded.code === 'bad-name') return { blocks: [], refused: loaded.message };
      const tag = loaded.code === 'content' ? 'incompatible' : loaded.code === 'newer' ? 'newer' : 'broken';
      const moved = store.keepAside(AUTOSAVE, tag);
      if (!moved.ok) return { blocks: [], refused: formatMessage(this.w, 'host.autosave_unmovable', { problem: loaded.problem, reason: moved.message }) };
      const out = intro();
      out.blocks.unshift(text(formatMessage(this.w, 'host.autosave_set_aside', { problem: loaded.problem, file: moved.value }), 'error'));
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
          fresh: this.relaunch.fresh,
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
    const pending = this.pending.length;
    try {
      return this.play(line);
    } catch (error) {
      this.session = before;
      this.confirm = confirm;
      this.pending.length = pending;
      const s = before.state;
      const where = this.opts.onTurnFailed?.({ input: line, seed: s.seed, turn: s.turn, error }) ?? null;
      return { blocks: [this.m(where ? 'host.turn_failed_logged' : 'host.turn_failed', { log: where ?? '' })] };
    }
  }

  private play(line: string): Output {
    if (this.confirm) return this.answerConfirm(line);
    const before = this.current;
    const { session, events } = (this.opts.play ?? play)(this.w, before, line);
    this.current = session;
    const blocks = narrate(this.w, events);
    let quit = false;
    for (const e of events) {
      if (e.type !== 'meta') continue;
      if (e.action === 'quit') {
        quit = true;
        continue;
      }
      blocks.push(...this.meta(e).blocks);
    }
    if (this.current !== before && this.current.state !== before.state) {
      this.unsaved = true;
      // A turn the engine alone made can be redone from its input; anything else is a snapshot.
      if (this.current === session) this.pending.push({ i: line, f: fingerprint(session.state) });
    }
    if (quit) {
      // Said only once the game is on disk: a failed autosave is said instead.
      const err = this.close();
      blocks.push(...(err ? [text(err, 'error'), this.m('host.quit')] : [this.opts.store ? this.m('host.quit_saved', { again: this.relaunch.again }) : this.m('host.quit')]));
      return { blocks, quit };
    }
    if (this.unsaved && this.opts.autosave !== 'deferred') {
      const err = this.autosave();
      if (err) blocks.push(text(err, 'error'));
    }
    return { blocks, quit };
  }

  /**
   * Writes what the autosave has not taken yet (line mode calls this before each batch of
   * replies goes out); returns a message only when the disk refused.
   */
  flushAutosave(): Block[] {
    if (!this.unsaved) return [];
    const err = this.autosave();
    return err ? [text(err, 'error')] : [];
  }

  /**
   * The game is ending (quit, end of input, a signal): writes what is unsaved, folds the journal
   * into a snapshot so the next start need not redo turns, and puts everything on the disk.
   * Returns a message only when the game could not be kept.
   */
  close(): string | null {
    if (this.syncTimer !== null) this.timers.clear(this.syncTimer);
    this.syncTimer = null;
    const store = this.opts.store;
    if (!store) return null;
    const err = this.unsaved || this.failing ? this.autosave() : null;
    if (!err && store.journalLength > 0) {
      // The turns are already safe in the journal: a snapshot refused here loses nothing.
      const r = store.autosave(this.doc());
      if (r.ok) this.replaced = false;
    }
    store.closeAutosave();
    return err;
  }

  private doc(): SaveDoc {
    const s = this.session.state;
    return makeSaveDoc({
      state: s,
      undo: trimUndo(this.session.undo.map((u) => u.state)),
      undoInputs: trimUndo(this.session.undo.map((u) => u.input)),
      gameVersion: this.opts.gameVersion,
      contentVersion: this.w.game.version,
      characterName: this.w.characters[s.player]?.name,
      placeName: this.w.rooms[roomOf(s, s.player)]?.name,
      now: this.opts.now,
    });
  }

  /**
   * Keeps the game on disk: the turns since the last write go to the journal (one small write,
   * synced within SYNC_MS), or, when the session was replaced or the journal is long, a whole
   * snapshot. Returns a message only when the disk refused, and only the first time in a row.
   */
  autosave(): string | null {
    const store = this.opts.store;
    if (!store) return null;
    if (!this.replaced && !this.failing && store.journalOpen && store.journalLength + this.pending.length <= JOURNAL_MAX) {
      if (this.pending.length === 0) {
        this.unsaved = false;
        return null;
      }
      const r = store.appendAutosave(this.pending);
      if (r.ok) {
        this.pending = [];
        this.unsaved = false;
        this.keptAt = (this.opts.now?.() ?? new Date()).toISOString();
        this.scheduleSync();
        return null;
      }
      // The journal could not take them: a snapshot holds everything, or says why it cannot.
    }
    const r = store.autosave(this.doc());
    if (r.ok) {
      this.pending = [];
      this.unsaved = false;
      this.keptAt = (this.opts.now?.() ?? new Date()).toISOString();
      this.replaced = false;
      this.failing = false;
      return null;
    }
    const first = !this.failing;
    this.failing = true;
    return first ? formatMessage(this.w, 'host.autosave_failed', { problem: r.message }) : null;
  }

  /**
   * The autosave's row as the game stands: its file holds the last snapshot, and the turns since
   * are in the journal, so the file's own turn and time are behind the game being played.
   */
  private liveAutosave(slot: SlotInfo): SlotInfo {
    if (slot.name !== AUTOSAVE || !slot.ok || this.keptAt === null) return slot;
    const s = this.session.state;
    const place = s.loc[s.player] ?? null;
    return {
      ...slot,
      turn: s.turn,
      character: s.player,
      characterName: this.w.characters[s.player]?.name ?? slot.characterName,
      place,
      placeName: (place && this.w.rooms[place]?.name) || slot.placeName,
      savedAt: this.keptAt,
    };
  }

  /** The journal reaches the disk within SYNC_MS of a turn, in the background. */
  private scheduleSync(): void {
    if (this.syncTimer !== null) return;
    this.syncTimer = this.timers.set(() => {
      this.syncTimer = null;
      this.opts.store?.syncAutosave();
    }, SYNC_MS);
  }

  private loadSlot(name: string):
    | { ok: true; notes: string[] }
    | { ok: false; message: string; code: FailCode; problem: string } {
    const r = this.opts.store!.load(name, this.w);
    if (!r.ok) return { ok: false, message: r.message, code: r.code, problem: r.problem ?? r.message };
    const { doc, notes, journal } = r.value;
    const inputs = doc.undoInputs;
    let session: Session = {
      state: doc.state,
      undo: doc.undo.map((st, i) => ({ state: st, input: printableInput(inputs?.[i] ?? '') })),
    };
    // The turns the journal kept after the snapshot are redone, each proved by its fingerprint.
    if (journal) {
      for (const e of this.opts.store!.journalAfter(name, journal)) {
        try {
          const next = (this.opts.play ?? play)(this.w, session, e.i).session;
          if (fingerprint(next.state) !== e.f) break;
          session = next;
        } catch {
          break;
        }
      }
    }
    this.session = session;
    this.confirm = null;
    return { ok: true, notes };
  }

  private meta(e: Extract<GameEvent, { type: 'meta' }>): Output {
    const store = this.opts.store;
    const arg = e.arg?.trim();
    switch (e.action) {
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
        return { blocks: [{ ...text(formatSlotTable(store.list().map((s) => this.liveAutosave(s))).join('\n')), pre: true }] };
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
