// Stands in for the restore-cursor package inside the screen's bundle (see src/tools/build.ts).
// ink hides the cursor through cli-cursor, and restore-cursor shows it again at exit by writing
// ESC[?25h to stderr, even when stderr is a file: `nanodream 2>log` found an escape code in the
// log after every clean exit. The screen shows the cursor itself on stdout when it ends
// (src/ui/run.ts); for an exit it did not see coming (a signal, a crash), this shows it on
// whichever stream is the terminal, stdout first, and writes nothing to a file or a pipe.
let registered = false;

export default function restoreCursor(): void {
  if (registered) return;
  registered = true;
  // The game ends every run through process.exit or the end of the event loop, signals included
  // (src/cli/start.ts handles them), so 'exit' is always seen.
  process.once('exit', () => {
    const terminal = process.stdout.isTTY ? process.stdout : process.stderr.isTTY ? process.stderr : null;
    terminal?.write('\x1b[?25h');
  });
}
