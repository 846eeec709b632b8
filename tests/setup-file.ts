// Runs in every test file: the temporary folders it made are removed when it is done.
import { afterAll } from 'vitest';
import { removeTemps } from './temp.js';

afterAll(() => removeTemps());
