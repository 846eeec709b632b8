// Which content rules and which variants of the story's texts some state the search found can
// show. Two sources, both under-approximations of what a player can see (nothing is ever marked
// shown that no reachable state shows, up to the few approximations named below):
//
// - what the engine really used in the search's steps (a traced step's `rule` and `variant`
//   events): scenes, endings, rules that answered, everything a command printed;
// - a look around in every state found, for the player: the room's texts and rule lists, and
//   those of the things and people in scope, as LOOK, EXAMINE, READ and the verbs with rules
//   would show them. The search tries only the commands that can change what matters, so this
//   is what finds the prose. A rule counts when its condition holds and no earlier rule of its
//   list that holds answers the same words; what another list of the turn might answer first
//   (an item's rule before the room's) is not weighed.
import type { Id, Rule, State, Text, Variant, World, GameEvent } from '../engine/types.js';
import { holds, variantOf } from '../engine/conditions.js';
import { topicFits } from '../engine/effects.js';
import { canPerceive, hasProp, roomOf, scope } from '../engine/world-query.js';
import { forEachRuleList } from './analyse.js';

/** Whose a text or rule is, for naming the file it is written in. */
export interface Owner { kind: 'room' | 'item' | 'character' | 'scene' | 'ending' | 'verbs'; id: Id }

/** A rule or a text variant no state shows. */
export interface Unshown { kind: 'rule' | 'variant'; id: string; field: string; owner: Owner }

/** A text with variants: which have been shown, and how many are left. */
interface TextEntry {
  id: string; owner: Owner; text: Variant[]; shown: boolean[]; left: number;
  /** Where it is seen (a room's, thing's or person's own text), or the rule it is said by; else only a traced step shows it. */
  anchor?: Anchor; rule?: RuleEntry;
}
/** A rule as written once (a list or rule shared through a YAML alias is one rule), and the lists it is in. */
interface RuleEntry { key: string; owner: Owner; field: string; shown: boolean; lists: ListEntry[]; say?: TextEntry }
/** A rule list where it can answer; `left`: its rules not shown, and its rules' says with a variant not shown. */
interface ListEntry { rules: Rule[]; keys: string[]; unseen: boolean | null; left: number; anchor: Anchor }

/**
 * What can be seen from a place: texts and rule lists, per room, item or character (and the
 * story's own verbs), and how many of them still have something not shown.
 */
interface Anchor { texts: TextEntry[]; lists: ListEntry[]; open: number }

export class Shown {
  private readonly texts = new Map<Variant[], TextEntry>();
  /** By every key a rule is kept under (`once`), and by the rule itself. */
  private readonly rules = new Map<string, RuleEntry>();
  private readonly byRule = new Map<Rule, RuleEntry>();
  private readonly anchors = new Map<string, Anchor>();

  constructor(private readonly w: World) {
    this.registerTexts();
    this.registerRules();
    this.countOpen();
  }

  // ------------------------------------------------------------------ what the story holds

  private anchor(key: string): Anchor {
    let a = this.anchors.get(key);
    if (!a) this.anchors.set(key, (a = { texts: [], lists: [], open: 0 }));
    return a;
  }

  private text(t: Text | undefined, owner: Owner, field: string, anchor?: string): TextEntry | undefined {
    if (t === undefined || typeof t === 'string' || this.texts.has(t)) return undefined;
    const e: TextEntry = { id: `${owner.kind}:${owner.id}.${field}`, owner, text: t, shown: t.map(() => false), left: t.length };
    this.texts.set(t, e);
    if (!anchor) this.unanchoredLeft++;
    else {
      e.anchor = this.anchor(anchor);
      e.anchor.texts.push(e);
      e.anchor.open++;
    }
    return e;
  }

  private registerTexts(): void {
    const w = this.w;
    for (const r of Object.values(w.rooms)) {
      const o: Owner = { kind: 'room', id: r.id };
      const at = `room:${r.id}`;
      this.text(r.description, o, 'description', at);
      this.text(r.brief, o, 'brief', at);
      r.scenery?.forEach((sc, i) => this.text(sc.text, o, `scenery[${i}].text`, at));
      for (const [d, e] of Object.entries(r.exits)) {
        this.text(e?.blocked, o, `exits.${d}.blocked`, at);
        this.text(e?.say, o, `exits.${d}.say`, at);
      }
    }
    for (const it of Object.values(w.items)) {
      const o: Owner = { kind: 'item', id: it.id };
      for (const f of ['description', 'initial', 'readable'] as const) this.text(it[f], o, f, `thing:${it.id}`);
    }
    for (const ch of Object.values(w.characters)) {
      const o: Owner = { kind: 'character', id: ch.id };
      this.text(ch.description, o, 'description', `thing:${ch.id}`);
      this.text(ch.presence, o, 'presence', `thing:${ch.id}`);
    }
    w.scenes.forEach((sc) => this.text(sc.say, { kind: 'scene', id: sc.id }, 'say'));
    for (const e of Object.values(w.endings)) this.text(e.text, { kind: 'ending', id: e.id }, 'text');
  }

  private registerRules(): void {
    const w = this.w;
    forEachRuleList(w, (key, rules, group) => {
      const [kind, id, sub] = group.split(':');
      const owner: Owner =
        kind === 'room' || kind === 'enter' ? { kind: 'room', id } :
          kind === 'item' ? { kind: 'item', id } :
            kind === 'verbs' ? { kind: 'verbs', id: 'verbs' } : { kind: 'character', id: kind === 'char' ? id : kind };
      const field = (kind === 'room' || kind === 'item' || kind === 'char' ? 'verbs.' : '') + key.slice(key.indexOf('.') + 1);
      const keys = rules.map((r, i) => r.id ?? `${key}#${i}`);
      const at = kind === 'room' || kind === 'enter' ? `room:${id}` : kind === 'item' || kind === 'char' ? `thing:${id}` : kind === 'verbs' ? 'story' : `thing:${kind}`;
      const people = !['room', 'enter', 'item', 'verbs', 'char'].includes(kind);
      const unseen = people ? (sub ?? '').endsWith('.unseen') : null;
      const list: ListEntry = { rules, keys, unseen, left: 0, anchor: this.anchor(at) };
      rules.forEach((r, i) => {
        let entry = this.byRule.get(r);
        if (!entry) {
          this.byRule.set(r, (entry = { key: keys[i], owner, field: `${field}[${i}]`, shown: false, lists: [] }));
          entry.say = this.text(r.say, owner, `${field}[${i}].say`);
          if (entry.say) {
            entry.say.rule = entry;
            this.unanchoredLeft--; // counted in its lists instead
          }
        }
        if (!this.rules.has(keys[i])) this.rules.set(keys[i], entry);
        entry.lists.push(list);
        list.left += entry.say ? 2 : 1;
      });
      // Where the list can answer (`at`): the room's own (its verbs; arriving), a thing's or
      // person's (in scope), or anywhere (the story's verbs). A person's `unseen` answers only
      // while they cannot perceive the one speaking; their others only while they can.
      list.anchor.lists.push(list);
      if (list.left > 0) list.anchor.open++;
    });
  }

  // ------------------------------------------------------------------ noting what is shown

  private showVariant(e: TextEntry, i: number): void {
    if (i < 0 || e.shown[i]) return;
    e.shown[i] = true;
    if (--e.left > 0) return;
    if (e.anchor) this.close(e.anchor);
    else if (e.rule) for (const l of e.rule.lists) this.closeOne(l);
    else this.unanchoredLeft--;
  }

  private showRule(key: string): void {
    const r = this.rules.get(key);
    if (!r || r.shown) return;
    r.shown = true;
    for (const l of r.lists) this.closeOne(l);
  }

  /** One more of a list's rules, or of their says, has shown everything. */
  private closeOne(l: ListEntry): void {
    if (--l.left === 0) this.close(l.anchor);
  }

  /** One more of a place's texts or lists has shown everything it has. */
  private close(a: Anchor): void {
    if (--a.open === 0) {
      this.openThings = null;
      this.openAnchors--;
    }
  }

  /** Places with something not yet shown: none, and there is nothing left to look for. */
  private openAnchors = 0;
  /** Texts only a traced step can show (a scene's, an ending's) with a variant not yet shown. */
  private unanchoredLeft = 0;

  /** Counts the places with something to show, once everything is registered. */
  private countOpen(): void {
    for (const a of this.anchors.values()) if (a.open > 0) this.openAnchors++;
  }

  /** The things with something not yet shown (made again when one is closed). */
  private openThings: Id[] | null = null;

  private openThingsNow(): Id[] {
    if (!this.openThings) this.openThings = [...this.anchors].filter(([k, a]) => k.startsWith('thing:') && a.open > 0).map(([k]) => k.slice(6));
    return this.openThings;
  }

  /** The rules and variants a traced step used. */
  readonly events = (events: readonly GameEvent[]): void => {
    if (this.done()) return;
    for (const ev of events) {
      if (ev.type === 'rule') this.showRule(ev.key);
      else if (ev.type === 'variant') {
        const e = this.texts.get(ev.text);
        if (e) this.showVariant(e, ev.index);
      }
    }
  };

  /**
   * Looks around in a state the search found (see the top of this file): as each character who
   * can be played (switching is free), in the room they stand in and in every room they could
   * walk to now. The search stops only where something can happen, so the rest of the house is
   * seen this way. Only places with something not yet shown are looked at.
   */
  look(s: State): void {
    if (this.done()) return;
    const w = this.w;
    this.lookAt(s, s.player, 'story');
    const around = this.openThingsByRoom(s);
    for (const c of s.playable.length ? s.playable : [s.player]) {
      const from = roomOf(s, c);
      const carried = (around.get(c) ?? []).length > 0;
      for (const room of this.walkable(s, c, from)) {
        if (!carried && !around.has(room) && !this.isOpen(`room:${room}`)) continue;
        const v: State = c === s.player && room === from ? s : { ...s, player: c, loc: { ...s.loc, [c]: room } };
        this.lookAt(v, c, `room:${room}`);
        for (const id of scope(w, v, c)) this.lookAt(v, c, `thing:${id}`);
      }
    }
  }

  /**
   * Whether the player's room, or a thing in their scope (`inScope`), still has something not
   * shown: then the commands that only print are worth a step from this state (Coverage.prose).
   */
  openHere(s: State, inScope: readonly Id[]): boolean {
    if (this.done()) return false;
    return this.isOpen(`room:${roomOf(s, s.player)}`) || inScope.some((id) => this.isOpen(`thing:${id}`));
  }

  /** Everything is shown (texts and rules outside any place, a scene's or ending's, only count through their events). */
  private done(): boolean {
    return this.openAnchors === 0 && this.unanchoredLeft === 0;
  }

  private isOpen(anchor: string): boolean {
    return (this.anchors.get(anchor)?.open ?? 0) > 0;
  }

  /** The things with something not yet shown, by the room they are in (and by who carries them). */
  private openThingsByRoom(s: State): Map<Id, Id[]> {
    const out = new Map<Id, Id[]>();
    const add = (k: Id, id: Id) => { const l = out.get(k); if (l) l.push(id); else out.set(k, [id]); };
    for (const id of this.openThingsNow()) {
      if (!Object.hasOwn(s.loc, id)) continue;
      add(roomOf(s, id), id);
      for (let at = s.loc[id], n = 0; at !== undefined && n < 20; at = s.loc[at], n++) if (Object.hasOwn(this.w.characters, at)) add(at, id);
    }
    return out;
  }

  /** The room `c` stands in and every room they could walk to through exits open now. */
  private walkable(s: State, c: Id, from: Id): Id[] {
    const w = this.w;
    const seen = new Set<Id>([from]);
    const queue = [from];
    for (let i = 0; i < queue.length; i++) {
      for (const e of Object.values(w.rooms[queue[i]]?.exits ?? {})) {
        if (!e || seen.has(e.to) || !w.rooms[e.to]) continue;
        if (e.if && !holds(w, s, e.if, c)) continue;
        if (e.door && !hasProp(s, e.door, 'open')) continue;
        seen.add(e.to);
        queue.push(e.to);
      }
    }
    return queue;
  }

  private lookAt(s: State, actor: Id, at: string): void {
    const a = this.anchors.get(at);
    if (!a || a.open === 0) return;
    for (const e of a.texts) if (e.left > 0) this.showVariant(e, variantOf(this.w, s, e.text, actor));
    const id = at.slice(at.indexOf(':') + 1);
    for (const l of a.lists) {
      if (l.left === 0) continue;
      if (l.unseen !== null && canPerceive(this.w, s, id, actor) === l.unseen) continue;
      this.answers(s, actor, l);
    }
  }

  /** The rules of a list that can answer now: their condition holds, and no earlier rule that holds (not a once-rule) answers their words. */
  private answers(s: State, actor: Id, l: ListEntry): void {
    const w = this.w;
    const holding: Rule[] = [];
    l.rules.forEach((r, i) => {
      if (r.once && s.fired.includes(l.keys[i])) return;
      if (!holds(w, s, r.if, actor)) return;
      const word = r.topic === undefined ? undefined : [r.topic].flat()[0];
      const shadowed = holding.some((e) => (e.stage ?? 'instead') === (r.stage ?? 'instead') && e.with === r.with &&
        (e.topic === undefined || (word !== undefined && topicFits(e, word))));
      // A once-rule answers once and then lets the next have its turn: it shadows nothing. (Whether
      // it has run is not always kept in the state key: see analyse.ts's firedIgnored.)
      if (!r.once) holding.push(r);
      if (shadowed) return;
      this.showRule(l.keys[i]);
      const t = r.say && typeof r.say !== 'string' ? this.texts.get(r.say) : undefined;
      if (t && t.left > 0) this.showVariant(t, variantOf(w, s, t.text, actor));
    });
  }

  // ------------------------------------------------------------------ across threads, and the answer

  /** What has been shown, as ids (for a worker thread to hand back). */
  dump(): string[] {
    const out: string[] = [];
    for (const r of this.byRule.values()) if (r.shown) out.push(`r ${r.key}`);
    for (const e of this.texts.values()) e.shown.forEach((b, i) => { if (b) out.push(`v ${e.id}[${i}]`); });
    return out;
  }

  merge(ids: readonly string[]): void {
    const byId = new Map([...this.texts.values()].map((e) => [e.id, e]));
    for (const x of ids) {
      if (x.startsWith('r ')) {
        this.showRule(x.slice(2));
        continue;
      }
      const at = x.lastIndexOf('[');
      const e = byId.get(x.slice(2, at));
      if (e) this.showVariant(e, Number(x.slice(at + 1, -1)));
    }
  }

  unshown(): Unshown[] {
    const out: Unshown[] = [];
    for (const r of this.byRule.values()) if (!r.shown) out.push({ kind: 'rule', id: r.key, field: r.field, owner: r.owner });
    for (const e of this.texts.values()) {
      e.shown.forEach((b, i) => {
        if (!b) out.push({ kind: 'variant', id: `${e.id}[${i}]`, field: `${e.id.slice(e.id.indexOf('.') + 1)}[${i}]`, owner: e.owner });
      });
    }
    return out;
  }
}
