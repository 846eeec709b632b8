// Imported first by the screen's tests, before anything loads ink. ink decides once, when it is
// loaded, whether it runs in CI; there it draws no live area and ends with a bare blank line, so
// a test of the screen would pass on a laptop and fail in CI. The game clears the same variables
// before it loads ink on a terminal (src/ui/run.ts); the tests load ink the way the game does.
for (const key of ['CI', 'CONTINUOUS_INTEGRATION']) {
  if (process.env[key] !== undefined) process.env[key] = 'false';
}
export {};
