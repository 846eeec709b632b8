// Cross-references in a loaded World: every id that content names must exist (errors), and what
// is defined should be used (warnings). Shared by the loader and `nanodream check`.
import type { World, Condition, Effect, Rule, Text } from '../engine/types.js';

export interface ReferenceReport {
  errors: string[];
  warnings: string[];
}

type Visit = { cond: (c: Condition, where: string) => void; effect: (e: Effect, where: string) => void };

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function walkCondition(c: Condition | undefined, where: string, v: Visit): void {
  if (!c) return;
  v.cond(c, where);
  c.any?.forEach((x, i) => walkCondition(x, `${where}.any[${i}]`, v));
  if (c.not) walkCondition(c.not, `${where}.not`, v);
}

function walkText(t: Text | undefined, where: string, v: Visit): void {
  if (Array.isArray(t)) t.forEach((x, i) => walkCondition(x.if, `${where}[${i}].if`, v));
}

function walkRules(rs: Rule[] | undefined, where: string, v: Visit): void {
  rs?.forEach((r, i) => {
    walkCondition(r.if, `${where}[${i}].if`, v);
    r.do?.forEach((e, j) => v.effect(e, `${where}[${i}].do[${j}]`));
  });
}

function walkRuleMap(m: Record<string, Rule[]> | undefined, where: string, v: Visit): void {
  for (const [k, rs] of Object.entries(m ?? {})) walkRules(rs, `${where}.${k}`, v);
}

/** Calls the visitor on every condition and effect in the world, with a readable location. */
export function walkWorld(w: World, v: Visit): void {
  for (const room of Object.values(w.rooms)) {
    const at = `room ${room.id}`;
    walkText(room.description, `${at} description`, v);
    walkText(room.brief, `${at} brief`, v);
    for (const [d, e] of Object.entries(room.exits)) {
      walkCondition(e?.if, `${at} exits.${d}.if`, v);
      walkText(e?.blocked, `${at} exits.${d}.blocked`, v);
    }
    walkRules(room.onEnter, `${at} onEnter`, v);
    walkRuleMap(room.verbs, `${at} verbs`, v);
    room.scenery?.forEach((s, i) => walkText(s.text, `${at} scenery[${i}]`, v));
  }
  for (const it of Object.values(w.items)) {
    const at = `item ${it.id}`;
    walkText(it.description, `${at} description`, v);
    walkText(it.initial, `${at} initial`, v);
    walkText(it.readable, `${at} readable`, v);
    walkCondition(it.if, `${at} if`, v);
    walkRuleMap(it.verbs, `${at} verbs`, v);
  }
  for (const c of Object.values(w.characters)) {
    const at = `character ${c.id}`;
    walkText(c.description, `${at} description`, v);
    walkText(c.presence, `${at} presence`, v);
    walkCondition(c.invisibleTo?.if, `${at} invisibleTo.if`, v);
    walkRules(c.talk, `${at} talk`, v);
    walkRuleMap(c.ask, `${at} ask`, v);
    walkRuleMap(c.tell, `${at} tell`, v);
    walkRuleMap(c.orders, `${at} orders`, v);
    walkRuleMap(c.give, `${at} give`, v);
    walkRuleMap(c.verbs, `${at} verbs`, v);
  }
  w.scenes.forEach((s) => {
    walkCondition(s.if, `scene ${s.id} if`, v);
    s.do?.forEach((e, j) => v.effect(e, `scene ${s.id} do[${j}]`));
  });
  w.hints.forEach((h) => walkCondition(h.if, `hint ${h.id} if`, v));
  walkRuleMap(w.verbs, 'verbs.yaml', v);
}

/** What checkReferences keeps while it walks: the errors, and the lookups every part uses. */
class RefCheck {
  readonly errors: string[] = [];
  readonly regions: Set<string>;
  readonly flagsRead = new Map<string, string>();
  readonly flagsSet = new Set<string>();
  readonly solved = new Set<string>();
  readonly endingsUsed = new Set<string>();

  constructor(readonly w: World) {
    this.regions = new Set(Object.values(w.rooms).map((r) => r.region));
  }

  isRoom = (x: string) => x in this.w.rooms;
  isItem = (x: string) => x in this.w.items;
  isChar = (x: string) => x in this.w.characters;
  isPlace = (x: string) => x === 'nowhere' || this.isRoom(x) || this.isItem(x) || this.isChar(x);
  need = (ok: boolean, where: string, what: string) => {
    if (!ok) this.errors.push(`${where}: ${what} does not exist.`);
  };
}

/** The game's start and acts, exits, where things are, and what people can be asked about. */
function checkDeclarations(k: RefCheck): void {
  const { w, need, isRoom, isItem, isChar, isPlace } = k;
  if (w.game) {
    need(isChar(w.game.start.player), 'game.yaml start.player', `character "${w.game.start.player}"`);
    if (w.game.focusCharacter) need(isChar(w.game.focusCharacter), 'game.yaml focusCharacter', `character "${w.game.focusCharacter}"`);
    for (const a of w.game.acts) for (const p of a.playable) need(isChar(p), `game.yaml acts[${a.id}]`, `character "${p}"`);
  }
  for (const room of Object.values(w.rooms)) {
    for (const [d, e] of Object.entries(room.exits)) {
      if (!e) continue;
      need(isRoom(e.to), `room ${room.id} exits.${d}.to`, `room "${e.to}"`);
      if (e.door) need(isItem(e.door), `room ${room.id} exits.${d}.door`, `item "${e.door}"`);
    }
  }
  for (const it of Object.values(w.items)) {
    need(isPlace(it.location), `item ${it.id} location`, `place "${it.location}"`);
    if (it.key) need(isItem(it.key), `item ${it.id} key`, `item "${it.key}"`);
    it.visibleTo?.forEach((c) => need(isChar(c), `item ${it.id} visibleTo`, `character "${c}"`));
    for (const [verb, rules] of Object.entries(it.verbs ?? {})) {
      rules.forEach((r, i) => r.with && need(isItem(r.with) || isChar(r.with), `item ${it.id} verbs.${verb}[${i}].with`, `"${r.with}"`));
    }
  }
  for (const c of Object.values(w.characters)) {
    need(isRoom(c.location), `character ${c.id} location`, `room "${c.location}"`);
    c.invisibleTo?.who.forEach((x) => need(isChar(x), `character ${c.id} invisibleTo.who`, `character "${x}"`));
    for (const key of Object.keys(c.give ?? {})) if (key !== 'default' && key !== 'unseen') need(isItem(key), `character ${c.id} give.${key}`, `item "${key}"`);
    for (const key of [...Object.keys(c.ask ?? {}), ...Object.keys(c.tell ?? {})]) {
      if (key === 'default' || key === 'unseen') continue;
      need(key in w.topics || isItem(key) || isChar(key), `character ${c.id} ask/tell.${key}`, `topic, item or character "${key}"`);
    }
  }
}

/** What one condition names. */
function checkCondition(k: RefCheck, c: Condition, where: string): void {
  const { need, isRoom, isItem, isChar, isPlace } = k;
  for (const f of [...list(c.flag), ...list(c.notFlag)]) if (!k.flagsRead.has(f)) k.flagsRead.set(f, where);
  list(c.player).forEach((x) => need(isChar(x), `${where}.player`, `character "${x}"`));
  list(c.here).forEach((x) => need(isRoom(x), `${where}.here`, `room "${x}"`));
  list(c.region).forEach((x) => need(k.regions.has(x), `${where}.region`, `region "${x}"`));
  [...list(c.has), ...list(c.notHas)].forEach((x) => need(isItem(x), `${where}.has`, `item "${x}"`));
  for (const [item, p] of Object.entries(c.itemIn ?? {})) {
    need(isItem(item), `${where}.itemIn`, `item "${item}"`);
    need(isPlace(p), `${where}.itemIn.${item}`, `place "${p}"`);
  }
  for (const [who, p] of Object.entries(c.charIn ?? {})) {
    need(isChar(who), `${where}.charIn`, `character "${who}"`);
    need(isRoom(p), `${where}.charIn.${who}`, `room "${p}"`);
  }
  c.together?.forEach((x) => need(isChar(x), `${where}.together`, `character "${x}"`));
  if (c.visited) need(isRoom(c.visited), `${where}.visited`, `room "${c.visited}"`);
  for (const item of [...Object.keys(c.prop ?? {}), ...Object.keys(c.notProp ?? {})]) need(isItem(item), `${where}.prop`, `item "${item}"`);
}

/** What one effect names, and the flags, puzzles and endings it sets. */
function checkEffect(k: RefCheck, e: Effect, where: string): void {
  const { w, need, isRoom, isItem, isChar, isPlace } = k;
  if ('set' in e) list(e.set).forEach((f) => k.flagsSet.add(f));
  if ('move' in e) {
    need(isItem(e.move) || isChar(e.move), `${where}.move`, `item or character "${e.move}"`);
    need(isPlace(e.to), `${where}.to`, `place "${e.to}"`);
  }
  if ('moveTo' in e) need(isRoom(e.moveTo), `${where}.moveTo`, `room "${e.moveTo}"`);
  if ('setProp' in e) need(isItem(e.setProp), `${where}.setProp`, `item "${e.setProp}"`);
  if ('clearProp' in e) need(isItem(e.clearProp), `${where}.clearProp`, `item "${e.clearProp}"`);
  if ('switchTo' in e) need(isChar(e.switchTo), `${where}.switchTo`, `character "${e.switchTo}"`);
  if ('playable' in e) e.playable.forEach((x) => need(isChar(x), `${where}.playable`, `character "${x}"`));
  if ('act' in e) need(!w.game || w.game.acts.some((a) => a.id === e.act), `${where}.act`, `act ${e.act}`);
  if ('solve' in e) {
    need(e.solve in w.puzzles, `${where}.solve`, `puzzle "${e.solve}"`);
    k.solved.add(e.solve);
  }
  if ('ending' in e) {
    need(e.ending in w.endings, `${where}.ending`, `ending "${e.ending}"`);
    k.endingsUsed.add(e.ending);
  }
}

export function checkReferences(w: World): ReferenceReport {
  const k = new RefCheck(w);
  checkDeclarations(k);
  walkWorld(w, { cond: (c, where) => checkCondition(k, c, where), effect: (e, where) => checkEffect(k, e, where) });
  const warnings: string[] = [];
  for (const [f, where] of k.flagsRead) if (!k.flagsSet.has(f)) warnings.push(`${where}: flag "${f}" is read but never set.`);
  for (const p of Object.keys(w.puzzles)) if (!k.solved.has(p)) warnings.push(`puzzle "${p}" is never solved by any effect.`);
  for (const e of Object.keys(w.endings)) if (!k.endingsUsed.has(e)) warnings.push(`ending "${e}" is never reached by any effect.`);
  return { errors: k.errors, warnings };
}
