// See lazy-chalk.ts.
export { wrapAnsi as default } from './lazy-chalk.js';
