// The prose check's worker thread, run from source (see prose-thread.ts).
import { proseThread } from './prose-thread.js';

proseThread();
