// `check --prose`: finds the nouns the story's text names (with compromise, a part-of-speech
// tagger) and lists, per room and text, those that nothing the player could refer to there
// answers to. Loaded only by `nanodream check` (compromise is large; play never needs it).
//
// Which words count (the rule, in order):
//  1. Narration only. Words inside quotation marks are speech; words in capitals are what a sign
//     or a screen says (LOADED, SLEEP DEBT); a word in a comparison is a figure of speech, not a
//     thing in the room. A comparison runs from "like", "as if", "as though", "as a" or "the way"
//     to the next punctuation mark ("glow like the tips of lit matches", "faint as a
//     thumbprint", "the way snow swallows a footstep").
//  2. The head of each noun phrase: the last noun of a run of nouns ("the balcony door" names a
//     door). Possessives ("Mum's", "his", "grown-ups'") name an owner and are skipped;
//     hyphenated words are kept whole ("air-lanes"). A singular noun counts only when it comes
//     the way English brings in a countable thing, after an article, a possessive, a number or
//     an adjective, or when it is a proper name: bare singulars are mass or abstract nouns
//     ("at night", "snow on the shoulders") or words the tagger took for nouns.
//  3. Not a thing to examine: pronouns, indefinites ("nobody", "something"), function words the
//     tagger sometimes tags as nouns ("past", "round"), directions, times and quantities
//     (compromise's Date, Duration, Value and Unit tags: "March", "weeks", "two"), abstract
//     nouns by their suffix (-ness, -ity, -ism, -hood: "darkness", "curiosity", "childhood"),
//     and a plural the tagger took for a noun where the clause needs it as its verb ("the
//     dishwasher hums in the kitchen"). Other abstract or generic words ("moment", "hand") are
//     listed by the story itself in `unimportant` (game.yaml for the whole story, a room for one
//     room), where a writer sees and judges them.
//
// What answers a noun in a room (what the engine's resolver could match there): the words and
// adjectives (taken alone when they pick out one thing) of items that can be in the room:
// placed there, moved there by any effect, or carried by a character who can be there, since
// that character may be the one played; the room's scenery words; every character's words (a
// name is answered by its person, and the engine says who is not here); the names of the room
// and of the rooms its exits lead to (`go to kitchen`); the `unimportant` lists; and in
// conversation, the topics. An item's or a character's own texts are also answered by its own
// words, and a text shown only to some characters (`player:` in its condition) by what they may
// be holding. Singular and plural forms match each other.
import nlp from 'compromise';
import type { World, Id, Text, Condition, Rule, Effect, Room } from '../engine/types.js';
import type { ContentSources } from '../content/sources.js';

export interface ProsePlace {
  room: Id;
  source: string;
  unanswered: string[];
}

export interface ProseReport {
  total: number;
  places: ProsePlace[];
}

export interface Noun {
  /** As written, lower case ("air-lanes"). */
  word: string;
  /** The forms that may match an answer: the word, its root, and for a hyphenated word its last part. */
  forms: string[];
}

// ------------------------------------------------------------------ finding the nouns

const SKIP_TAGS = ['Pronoun', 'Possessive', 'Date', 'Month', 'WeekDay', 'Duration', 'Value', 'Cardinal', 'Ordinal', 'Unit', 'Time', 'Holiday'];
const INDEFINITES = new Set([
  'nobody', 'somebody', 'someone', 'anyone', 'anybody', 'everyone', 'everybody', 'no-one', 'noone',
  'nothing', 'something', 'anything', 'everything', 'none', 'one', 'ones', 'other', 'others', 'each',
  'all', 'both', 'half', 'whatever', 'whoever', 'lot', 'lots', 'bit', 'kind', 'sort',
]);
// Words the tagger sometimes reads as nouns but English uses as pronouns, prepositions,
// conjunctions, auxiliaries or adverbs of place.
const FUNCTION_WORDS = new Set([
  'yours', 'mine', 'ours', 'theirs', 'hers', 'his', 'its', 'here', 'there', 'is', 'are', 'was', 'has', 'have', 'had', 'does',
  "doesn't", "don't", "isn't", 'says', 'and', 'or', 'but', 'in', 'at', 'on', 'with', 'out', 'off', 'of', 'to', 'from', 'past',
  'round', 'around', 'inside', 'outside', 'overhead', 'underfoot', 'sideways', 'forwards', 'forward', 'backwards', 'below',
  'above', 'opposite', 'next', 'few', 'more', 'less', 'most', 'least', 'while', 'wrong', 'best', 'asleep', 'awake', 'ajar',
  'that', 'this', 'these', 'those', 'later', 'then',
]);
const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'up', 'down', 'upstairs', 'downstairs', 'left', 'right', 'ahead']);
const ABSTRACT = /^[a-z]{3,}(ness|ity|ism|hood)$/;
const FIGURE_ENDS = /[,.;:!?()\u2014\u2013]/;

interface TermJson {
  text: string;
  normal: string;
  root?: string;
  pre: string;
  post: string;
  tags: string[];
  offset?: { start: number; length: number };
}

/** Spans of quoted speech: “…”, "…" (straight quotes pair up in order). */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/\u201c[^\u201d]*(\u201d|$)|"[^"]*("|$)/g)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

const cleanWord = (s: string) => s.toLowerCase().replace(/[\u2019']s$/, '').replace(/[^a-z\u00e0-\u024f'-]/g, '');

/** The nouns a player might try to examine, in order of appearance, each once. */
export function nounsIn(text: string): Noun[] {
  const quotes = quotedSpans(text);
  const inQuote = (at: number) => quotes.some(([a, b]) => at >= a && at < b);
  const doc = nlp(text);
  doc.compute('root');
  const sentences = doc.json({ offset: true }) as { terms: TermJson[] }[];
  const out = new Map<string, Noun>();
  for (const { terms } of sentences) {
    let figure = false;
    let run: TermJson[] = [];
    let introduced = false;
    let runStart = 0;
    const flush = (end: number) => {
      // "the cable round the disc": a word the tagger put on the end of the run that is no noun
      // ("round", "past", "west") leaves the noun before it as the head.
      while (run.length > 1 && isFunctionWord(run[run.length - 1])) run = run.slice(0, -1);
      if (run.length && pluralIsVerb(terms, runStart, runStart + run.length)) run = run.slice(0, -1);
      if (run.length) addHead(run, introduced, out);
      run = [];
    };
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i];
      const norm = t.normal;
      const next = terms[i + 1]?.normal;
      const prevNorm = terms[i - 1]?.normal;
      if (
        (norm === 'like' && !likeIsVerb(terms, i)) ||
        (norm === 'as' && (next === 'if' || next === 'though' || next === 'a' || next === 'an')) ||
        (norm === 'way' && prevNorm === 'the' && !t.post.trim() && !terms[i + 1]?.tags.includes('Preposition'))
      ) {
        flush(i);
        figure = true;
      }
      if (FIGURE_ENDS.test(t.pre)) figure = false;
      const quoted = inQuote(t.offset?.start ?? 0);
      // Capitals are signs, screens and labels: inscriptions, like quoted speech.
      const shouted = /^[A-Z][A-Z'’-]+$/.test(t.text.replace(/[^A-Za-z'’-]/g, ''));
      // "grown-ups' backs": a plural possessive, which the tagger does not always mark.
      const possessive = /^['\u2019]/.test(t.post) && /s$/i.test(t.text.replace(/['\u2019]$/, ''));
      const isNoun = !shouted && !possessive && t.tags.includes('Noun') && !t.tags.includes('Pronoun') && !t.tags.includes('Possessive');
      if (isNoun && !figure && !quoted) {
        if (!run.length) {
          introduced = introducedAt(terms, i);
          runStart = i;
        }
        run.push(t);
      } else flush(i);
      // A hyphen keeps the run going ("air-lanes"); other punctuation ends it.
      const post = t.post.trim();
      if (post && post !== '-') {
        flush(i + 1);
        if (FIGURE_ENDS.test(post)) figure = false;
      }
    }
    flush(terms.length);
  }
  return [...out.values()];
}

/** "like" is the verb only after a subject pronoun or an auxiliary ("you like", "would like");
 *  otherwise it opens a comparison ("hums like a wire", "like a dog nobody walks"). */
function likeIsVerb(terms: TermJson[], i: number): boolean {
  const prev = terms[i - 1];
  if (!prev || prev.post.trim()) return false;
  // "on you like a dog": an object pronoun after a preposition is no subject.
  if (terms[i - 2]?.tags.includes('Preposition') && !terms[i - 2].post.trim()) return false;
  return /^(i|you|we|they|would|do|don't|did|didn't|does|doesn't|to|really|still)$/.test(prev.normal);
}

/** A run of nouns that opens its clause with no verb before it ("the dishwasher hums in the
 *  kitchen"): when its last word is a plural that is also a verb ("it hums") and no verb
 *  follows it, that word is the clause's verb, which the tagger took for a plural noun. */
function pluralIsVerb(terms: TermJson[], start: number, end: number): boolean {
  if (end - start < 2) return false;
  const last = terms[end - 1];
  const before = terms[end - 2];
  if (!last.tags.includes('Plural') || !before.tags.includes('Singular') || before.post.trim() || before.normal.endsWith('ing')) return false;
  const after = terms[end];
  if (after && !last.post.trim() && after.tags.includes('Verb')) return false;
  for (let j = start - 1; j >= 0; j--) {
    if (terms[j].tags.includes('Verb')) return false;
    if (terms[j].post.trim() && terms[j].post.trim() !== '-') break;
  }
  return isVerbForm(last.normal);
}

const verbCache = new Map<string, boolean>();
function isVerbForm(word: string): boolean {
  let v = verbCache.get(word);
  if (v === undefined) {
    const t = (nlp(`it ${word}`).json() as { terms: TermJson[] }[])[0]?.terms[1];
    v = !!t && t.tags.includes('Verb');
    verbCache.set(word, v);
  }
  return v;
}

/** Is the noun phrase starting at `i` introduced the way English introduces a countable thing:
 *  a determiner, a possessive, a number or an adjective before it (adverbs may come between)? */
function introducedAt(terms: TermJson[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const t = terms[j];
    if (t.post.trim() && t.post.trim() !== '-') return false;
    if (t.tags.includes('Adverb')) continue;
    return ['Determiner', 'Possessive', 'Value', 'Cardinal', 'Adjective'].some((tag) => t.tags.includes(tag));
  }
  return false;
}

const isFunctionWord = (t: TermJson) => FUNCTION_WORDS.has(cleanWord(t.normal)) || DIRECTIONS.has(cleanWord(t.normal));

function addHead(run: TermJson[], introduced: boolean, out: Map<string, Noun>): void {
  // The head is the last word, joined with the words hyphenated to it.
  let start = run.length - 1;
  while (start > 0 && run[start - 1].post.trim() === '-') start--;
  const parts = run.slice(start);
  const last = parts[parts.length - 1];
  if (parts.some((t) => SKIP_TAGS.some((tag) => t.tags.includes(tag)))) return;
  // A bare singular common noun ("night", "home", "snow") is a mass or abstract noun, or a word
  // the tagger took for a noun; a thing to examine comes with an article or is plural.
  if (!introduced && !last.tags.includes('Plural') && !last.tags.includes('ProperNoun')) return;
  const word = parts.map((t) => cleanWord(t.normal)).join('-');
  const lastWord = cleanWord(last.normal);
  if (!/^[a-z\u00e0-\u024f][a-z\u00e0-\u024f'-]*$/.test(word) || lastWord.length < 2) return;
  if (INDEFINITES.has(word) || FUNCTION_WORDS.has(word) || DIRECTIONS.has(word) || ABSTRACT.test(lastWord)) return;
  if (out.has(word)) return;
  const root = cleanWord(last.root ?? last.normal);
  const forms = new Set([word, lastWord, root]);
  // compromise's root is sometimes off ("toes" -> "to"): the regular singulars are tried too.
  if (lastWord.endsWith('s')) for (const f of [lastWord.replace(/ies$/, 'y'), lastWord.replace(/es$/, ''), lastWord.replace(/s$/, '')]) forms.add(f);
  if (parts.length > 1) forms.add(parts.map((t, i) => (i === parts.length - 1 ? root : cleanWord(t.normal))).join('-'));
  out.set(word, { word, forms: [...forms] });
}

// ------------------------------------------------------------------ answering words

const rootCache = new Map<string, string>();
/** The singular root compromise gives a word on its own ("spires" -> "spire"). */
function rootOf(word: string): string {
  const w = word.toLowerCase();
  let r = rootCache.get(w);
  if (r === undefined) {
    const d = nlp(w);
    d.compute('root');
    const t = (d.json() as { terms: TermJson[] }[])[0]?.terms;
    r = t && t.length === 1 ? cleanWord(t[0].root ?? t[0].normal) || w : w;
    rootCache.set(w, r);
  }
  return r;
}

class Answers {
  private words = new Set<string>();
  add(words: Iterable<string> | undefined): this {
    for (const raw of words ?? []) {
      const w = raw.toLowerCase().trim();
      if (!w) continue;
      this.words.add(w);
      this.words.add(rootOf(w));
    }
    return this;
  }
  merge(o: Answers): this {
    for (const w of o.words) this.words.add(w);
    return this;
  }
  answers(n: Noun): boolean {
    return n.forms.some((f) => this.words.has(f));
  }
}

// ------------------------------------------------------------------ where things can be

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

interface RuleSite {
  rule: { if?: Condition; say?: Text; do?: Effect[] };
  /** Conditions around the rule (a scene's or an outer rule's). */
  players: Id[] | null;
}

function everyRule(w: World): RuleSite[] {
  const out: RuleSite[] = [];
  const add = (rs: Rule[] | undefined) => {
    for (const r of rs ?? []) out.push({ rule: r, players: r.if?.player ? list(r.if.player) : null });
  };
  const addMap = (m: Record<string, Rule[]> | undefined) => Object.values(m ?? {}).forEach(add);
  addMap(w.verbs);
  for (const r of Object.values(w.rooms)) {
    add(r.onEnter);
    addMap(r.verbs);
  }
  for (const it of Object.values(w.items)) addMap(it.verbs);
  for (const c of Object.values(w.characters)) {
    add(c.talk);
    for (const m of [c.ask, c.tell, c.orders, c.give, c.verbs]) addMap(m);
  }
  for (const s of w.scenes) out.push({ rule: s, players: s.if.player ? list(s.if.player) : null });
  return out;
}

export class Whereabouts {
  private moves = new Map<Id, Set<Id>>();
  private moveTos: { to: Id; players: Id[] | null }[] = [];
  private playable = new Set<Id>();
  private charCache = new Map<Id, Set<Id>>();
  private itemCache = new Map<Id, Set<Id>>();

  constructor(private w: World) {
    for (const a of w.game.acts) for (const p of a.playable) this.playable.add(p);
    for (const { rule, players } of everyRule(w)) {
      for (const e of rule.do ?? []) {
        if ('move' in e) {
          const s = this.moves.get(e.move) ?? new Set<Id>();
          s.add(e.to);
          this.moves.set(e.move, s);
        } else if ('moveTo' in e) this.moveTos.push({ to: e.moveTo, players });
        else if ('playable' in e) e.playable.forEach((p) => this.playable.add(p));
      }
    }
  }

  /** Rooms a character can be in: where it starts, where effects move it, and for a playable
   *  character every room it can walk to from those. */
  charRooms(id: Id): Set<Id> {
    const cached = this.charCache.get(id);
    if (cached) return cached;
    const out = new Set<Id>();
    this.charCache.set(id, out);
    const c = this.w.characters[id];
    if (!c) return out;
    const start = [c.location, ...(this.moves.get(id) ?? [])].filter((r) => r in this.w.rooms);
    if (this.playable.has(id)) for (const m of this.moveTos) if (!m.players || m.players.includes(id)) start.push(m.to);
    const queue = [...start];
    for (const r of queue) {
      if (out.has(r) || !(r in this.w.rooms)) continue;
      out.add(r);
      if (this.playable.has(id)) for (const e of Object.values(this.w.rooms[r].exits)) if (e) queue.push(e.to);
    }
    return out;
  }

  /** Rooms an item can be in: its place and every place effects move it to, followed through
   *  containers and carriers. */
  itemRooms(id: Id, depth = 0): Set<Id> {
    const cached = this.itemCache.get(id);
    if (cached) return cached;
    const out = new Set<Id>();
    if (depth > 10) return out;
    const it = this.w.items[id];
    if (!it) return out;
    for (const at of [it.location, ...(this.moves.get(id) ?? [])]) this.placeRooms(at, depth).forEach((r) => out.add(r));
    this.itemCache.set(id, out);
    return out;
  }

  /** The room where an item starts (following containers and carriers), if any. */
  homeRoom(id: Id, depth = 0): Id | undefined {
    const it = this.w.items[id];
    if (!it || depth > 10) return undefined;
    const at = it.location;
    if (at in this.w.rooms) return at;
    if (at in this.w.characters) return this.w.characters[at].location;
    if (at in this.w.items) return this.homeRoom(at, depth + 1);
    const moved = [...(this.moves.get(id) ?? [])];
    for (const m of moved) if (m in this.w.rooms) return m;
    return [...this.itemRooms(id)][0];
  }

  private placeRooms(at: Id, depth: number): Set<Id> {
    if (at in this.w.rooms) return new Set([at]);
    if (at in this.w.characters) return this.charRooms(at);
    if (at in this.w.items) return this.itemRooms(at, depth + 1);
    return new Set();
  }

  /** Items a character carries at the start or is given by an effect. */
  carried(charId: Id): Id[] {
    return Object.values(this.w.items)
      .filter((it) => it.location === charId || this.moves.get(it.id)?.has(charId))
      .map((it) => it.id);
  }

  /** What a character may have in hand: what it carries, and every portable thing in a room it
   *  can reach. */
  carriable(charId: Id): Id[] {
    const rooms = this.charRooms(charId);
    const out = new Set(this.carried(charId));
    for (const it of Object.values(this.w.items)) {
      if (it.portable && [...this.itemRooms(it.id)].some((r) => rooms.has(r))) out.add(it.id);
    }
    return [...out];
  }
}

// ------------------------------------------------------------------ the texts and their places

interface Piece {
  rooms: Id[];
  /** The text shows only to these characters (its condition's `player`): what they may hold answers too. */
  players?: Id[];
  source: string;
  text: string;
  /** Extra answers for this text (the item's or character's own words, what a character carries). */
  extra?: Answers;
  /** When true the text is checked against what any of `rooms` has, reported at the first. */
  travels?: boolean;
}

function variants(t: Text | undefined, path: string): { text: string; path: string; if?: Condition }[] {
  if (t === undefined) return [];
  if (typeof t === 'string') return [{ text: t, path }];
  return t.map((v, i) => ({ text: v.text, path: `${path}[${i}].text`, if: v.if }));
}

/** Rooms a condition can hold in, narrowed from `among` by its `here` and `region` keys. */
function narrow(w: World, c: Condition | undefined, among: Iterable<Id>): Id[] {
  let rooms = [...among];
  if (c?.here) rooms = rooms.filter((r) => list(c.here).includes(r));
  if (c?.region) rooms = rooms.filter((r) => list(c.region).includes(w.rooms[r]?.region ?? ''));
  return rooms;
}

function rulesSays(rules: Rule[] | undefined, path: string, onlyChanges = false): { text: string; path: string; if?: Condition }[] {
  const out: { text: string; path: string; if?: Condition }[] = [];
  (rules ?? []).forEach((r, i) => {
    if (onlyChanges && !(r.do ?? []).some((e) => !('say' in e) && !('memory' in e) && !('glitch' in e))) return;
    if (r.say) out.push({ text: r.say, path: `${path}[${i}].say`, if: r.if });
    (r.do ?? []).forEach((e, j) => {
      if ('say' in e) out.push({ text: e.say, path: `${path}[${i}].do[${j}].say`, if: r.if });
    });
  });
  return out;
}

function collect(w: World, where: Whereabouts, src: ContentSources): Piece[] {
  return [...roomPieces(w, src), ...itemPieces(w, where, src), ...characterPieces(w, where, src), ...scenePieces(w, src)];
}

function roomPieces(w: World, src: ContentSources): Piece[] {
  const pieces: Piece[] = [];
  for (const r of Object.values(w.rooms)) {
    const file = src.rooms.get(r.id) ?? 'rooms/?';
    const at = (p: string) => `${file}: ${r.id}.${p}`;
    const texts = [
      ...variants(r.description, 'description'),
      ...variants(r.brief, 'brief'),
      ...(r.scenery ?? []).flatMap((sc, i) => variants(sc.text, `scenery[${i}].text`)),
      ...rulesSays(r.onEnter, 'onEnter'),
      ...Object.entries(r.verbs ?? {}).flatMap(([v, rs]) => rulesSays(rs, `verbs.${v}`, true)),
      ...Object.entries(r.exits).flatMap(([d, e]) => [...variants(e?.say, `exits.${d}.say`), ...variants(e?.blocked, `exits.${d}.blocked`)]),
    ];
    for (const t of texts) pieces.push({ rooms: [r.id], source: at(t.path), text: t.text, players: t.if?.player ? list(t.if.player) : undefined });
  }
  return pieces;
}

function itemPieces(w: World, where: Whereabouts, src: ContentSources): Piece[] {
  const pieces: Piece[] = [];
  for (const it of Object.values(w.items)) {
    const s = src.items.get(it.id);
    const at = (p: string) => (s ? `${s.file}: ${s.path}.${p}` : `items: ${it.id}.${p}`);
    const home = where.homeRoom(it.id);
    if (!home) continue;
    const holder = it.location in w.characters ? it.location : undefined;
    const extra = new Answers().add(it.words).add(it.adjectives);
    if (holder) for (const other of where.carried(holder)) extra.add(w.items[other].words);
    const texts = [
      ...variants(it.description, 'description'),
      ...variants(it.readable, 'readable'),
      ...variants(it.initial, 'initial'),
      ...Object.entries(it.verbs ?? {}).flatMap(([v, rs]) => rulesSays(rs, `verbs.${v}`, true)),
    ];
    for (const t of texts) pieces.push({ rooms: [home], source: at(t.path), text: t.text, extra, players: t.if?.player ? list(t.if.player) : undefined });
  }
  return pieces;
}

function characterPieces(w: World, where: Whereabouts, src: ContentSources): Piece[] {
  const pieces: Piece[] = [];
  for (const c of Object.values(w.characters)) {
    const file = src.characters.get(c.id) ?? `characters/${c.id}.yaml`;
    // Conversation (talk, ask, tell, orders, give and a character's own verbs) happens where the
    // character is; topics answer there too.
    // Seen by someone else, a character answers to its own words; what it carries is in no
    // one else's reach (a variant for the character itself, `player: <id>`, adds what it holds).
    const extra = new Answers().add(c.words).add(c.adjectives);
    const rooms = where.charRooms(c.id);
    for (const t of [...variants(c.description, 'description'), ...variants(c.presence, 'presence')]) {
      const here = narrow(w, t.if, rooms);
      if (here.length) pieces.push({ rooms: here, source: `${file}: ${t.path}`, text: t.text, extra, travels: true });
    }
    const talkExtra = new Answers().merge(extra);
    for (const t of Object.values(w.topics)) talkExtra.add(t.words);
    const conv = [
      ...rulesSays(c.talk, 'talk', true),
      ...(['ask', 'tell', 'orders', 'give', 'verbs'] as const).flatMap((k) => Object.entries(c[k] ?? {}).flatMap(([v, rs]) => rulesSays(rs, `${k}.${v}`, true))),
    ];
    for (const t of conv) {
      const here = narrow(w, t.if, rooms);
      // The loader puts act files' rules before the character's own, so the list index is not
      // the file's: the source names the rule by its key and the file the text is written in.
      const path = t.path.replace(/\[\d+\](\.do\[\d+\])?\.say$/, '');
      const from = src.characterSays.get(t.text) ?? file;
      if (here.length) pieces.push({ rooms: here, source: `${from}: ${path}`, text: t.text, extra: talkExtra, travels: true, players: t.if?.player ? list(t.if.player) : undefined });
    }
  }
  return pieces;
}

function scenePieces(w: World, src: ContentSources): Piece[] {
  const pieces: Piece[] = [];
  const allRooms = Object.keys(w.rooms);
  w.scenes.forEach((sc, n) => {
    const s = src.scenes.get(sc.id);
    const base = s ? `${s.file}: [${s.index}].` : `scenes: [${n}].`;
    let rooms = sc.if.here || sc.if.region ? narrow(w, sc.if, allRooms) : [];
    const to = (sc.do ?? []).find((e): e is { moveTo: Id } => 'moveTo' in e);
    if (!rooms.length && to) rooms = [to.moveTo];
    if (!rooms.length) return;
    const texts = [
      ...variants(sc.say, 'say'),
      ...(sc.do ?? []).flatMap((e, j): { text: string; path: string; if?: Condition }[] => ('say' in e ? [{ text: e.say, path: `do[${j}].say` }] : [])),
    ];
    for (const t of texts) {
      const who = t.if?.player ?? sc.if.player;
      const players = who ? list(who) : undefined;
      for (const r of rooms) pieces.push({ rooms: [r], source: `${base}${t.path}`, text: t.text, players });
    }
  });
  return pieces;
}

// ------------------------------------------------------------------ the check

function roomNameWords(r: Room | undefined): string[] {
  if (!r) return [];
  return [...r.name.toLowerCase().split(/[^a-z'-]+/), ...r.id.split('_')].map((x) => x.replace(/'s$/, '')).filter((x) => x.length > 1 && x !== 'the');
}

export function checkProse(w: World, src: ContentSources): ProseReport {
  const where = new Whereabouts(w);
  // A body part answers as the person it belongs to (resolve.ts).
  const everywhere = new Answers().add(w.game.unimportant).add(w.game.bodyParts);
  for (const c of Object.values(w.characters)) everywhere.add(c.words).add(c.adjectives).add([c.name]);
  const roomItems = new Map<Id, Id[]>();
  for (const id of Object.keys(w.items)) for (const r of where.itemRooms(id)) roomItems.set(r, [...(roomItems.get(r) ?? []), id]);
  const scopes = new Map<Id, Answers>();
  for (const r of Object.values(w.rooms)) {
    const a = new Answers().merge(everywhere).add(r.unimportant).add(roomNameWords(r));
    for (const e of Object.values(r.exits)) if (e) a.add(roomNameWords(w.rooms[e.to]));
    for (const sc of r.scenery ?? []) a.add(sc.words);
    for (const id of roomItems.get(r.id) ?? []) a.add(w.items[id].words).add(w.items[id].adjectives);
    scopes.set(r.id, a);
  }

  const heldCache = new Map<Id, Answers>();
  const held = (c: Id) => {
    let a = heldCache.get(c);
    if (!a) heldCache.set(c, (a = new Answers().add(where.carriable(c).flatMap((i) => w.items[i].words))));
    return a;
  };
  const byPlace = new Map<string, ProsePlace>();
  const done = new Set<string>();
  // A scene shown in every room of a region is tagged once.
  const tagged = new Map<string, Noun[]>();
  for (const p of collect(w, where, src)) {
    const checks = p.travels ? [p.rooms] : p.rooms.map((r) => [r]);
    for (const rooms of checks) {
      // The same rules shared by several verbs (a YAML alias) are checked once per room.
      const once = `${rooms.join(',')}\u0000${p.players?.join(',') ?? ''}\u0000${p.text}`;
      if (done.has(once)) continue;
      done.add(once);
      const scope: Answers[] = [...rooms.map((r) => scopes.get(r)).filter((a): a is Answers => !!a), ...(p.extra ? [p.extra] : []), ...(p.players ?? []).map(held)];
      let nouns = tagged.get(p.text);
      if (!nouns) tagged.set(p.text, (nouns = nounsIn(p.text)));
      const missing = nouns.filter((n) => !scope.some((a) => a.answers(n))).map((n) => n.word);
      if (!missing.length) continue;
      const key = `${rooms[0]}\u0000${p.source}`;
      const place = byPlace.get(key) ?? { room: rooms[0], source: p.source, unanswered: [] };
      for (const m of missing) if (!place.unanswered.includes(m)) place.unanswered.push(m);
      byPlace.set(key, place);
    }
  }
  const places = [...byPlace.values()];
  return { total: places.reduce((n, p) => n + p.unanswered.length, 0), places };
}

export function formatProse(r: ProseReport): string {
  if (r.total === 0) return 'prose: every noun the text names is answered where it is shown\n';
  const lines = [`prose: ${r.total} noun${r.total === 1 ? '' : 's'} the text names that nothing answers to:`];
  for (const p of r.places) lines.push(`  ${p.room} (${p.source}): ${p.unanswered.join(', ')}`);
  return lines.join('\n') + '\n';
}
