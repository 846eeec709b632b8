// The process edge: real streams, environment and clock go in; an exit code comes out.
import { main } from './main.js';

// A closed pipe (`nanodream | head`) is not an error worth a trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});

const code = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  now: () => new Date(),
});
process.exitCode = code;
