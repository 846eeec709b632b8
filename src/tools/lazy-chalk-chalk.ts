// See lazy-chalk.ts.
export { Chalk } from './lazy-chalk.js';
