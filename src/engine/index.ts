// The engine's public face: pure functions over plain data.
export { step, vocabulary } from './step.js';
export { initialState } from './state.js';
export { play, newSession, printableInput, UNDO_DEPTH, type Session } from './session.js';
export { glitchIntensity, intensityFrom, type IntensityInput } from './intensity.js';
export { score } from './effects.js';
export { roomOf } from './world-query.js';
export type * from './types.js';
