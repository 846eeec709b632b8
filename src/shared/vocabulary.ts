// Words both the parser and the engine speak of: the directions. Neither owns them, so both
// import them from here (the parser never imports the engine).

export type Direction =
  | 'north' | 'south' | 'east' | 'west'
  | 'northeast' | 'northwest' | 'southeast' | 'southwest'
  | 'up' | 'down' | 'in' | 'out';

export const DIRECTIONS: readonly Direction[] = [
  'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'up', 'down', 'in', 'out',
];
