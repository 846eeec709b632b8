// Shared test vocabulary and shorthands for the parser tests.
import { parse } from '../../src/parser/index.js';
import type { ActionCommand, Command, Vocabulary } from '../../src/parser/types.js';

export const WORLD_WORDS = [
  'key', 'keys', 'lamp', 'lantern', 'silver', 'glass', 'brass', 'door', 'box', 'hat', 'coat', 'bread', 'water',
  'coin', 'coins', 'shell', 'shells', 'table', 'chest', 'button', 'lever', 'dial', 'tree', 'ladder', 'bottle',
  'rope', 'post', 'window', 'vase', 'specter', 'candle', 'mia', 'leo', 'jaime', 'elara', 'bag', 'of', 'small',
  'blue', 'old', 'man', 'bed', 'floor', 'ball', 'music', 'flower', 'ground', 'chair',
];

export const vocab: Vocabulary = { has: (w) => WORLD_WORDS.includes(w) };
export const CHARACTERS = ['mia', 'leo', 'jaime', 'elara'];

export function all(input: string): Command[] {
  return parse(input, vocab, { characters: CHARACTERS }).commands;
}

/** The single command a line parses to. */
export function one(input: string): Command {
  const cs = all(input);
  if (cs.length !== 1) throw new Error(`expected one command for ${JSON.stringify(input)}, got ${JSON.stringify(cs)}`);
  return cs[0];
}

export function action(input: string): ActionCommand {
  const c = one(input);
  if (c.kind !== 'action') throw new Error(`expected an action for ${JSON.stringify(input)}, got ${JSON.stringify(c)}`);
  return c;
}
