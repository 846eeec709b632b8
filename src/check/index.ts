// The content checker's public face: explore the real engine and report what is proven.
export { runCheck, runCheckParallel, formatReport, reportJson, type CheckReport, type CheckOptions, type EndingResult } from './check.js';
export { randomWalks, type RandomOptions, type RandomReport } from './random.js';
export { commandsFor } from './commands.js';
export { stateKey } from './key.js';
export { replayState } from './explore.js';
export { checkCommand, type CheckFlags } from './cli.js';
