// The ink components: a live area of at most a glitch frame, the status line and the input line,
// with the transcript written above it as it grows (only ever appended to). All state lives in
// the UiModel.
import React, { useEffect, useLayoutEffect, useSyncExternalStore } from 'react';
import { Box, Text, render, useApp, useCursor, useStdin, useStdout, type Instance } from 'ink';
import stringWidth from 'string-width';
import type { UiModel } from './model.js';
import type { Io } from '../host/io.js';
import { visibleWindow } from './line-editor.js';

const PROMPT = '> ';

function useModel(model: UiModel): number {
  return useSyncExternalStore(model.subscribe, model.getVersion);
}

/** Raw input events straight from ink's parser: our editor, not useInput, decides what keys mean. */
function useRawInput(onInput: (event: string) => void): void {
  const { internal_eventEmitter: events, setRawMode, isRawModeSupported } = useStdin();
  useEffect(() => {
    if (isRawModeSupported) setRawMode(true);
    events.on('input', onInput);
    return () => {
      events.off('input', onInput);
      if (isRawModeSupported) setRawMode(false);
    };
  }, [events, setRawMode, isRawModeSupported, onInput]);
}

function useResize(onResize: () => void): void {
  const { stdout } = useStdout();
  useEffect(() => {
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, onResize]);
}

function InputLine({ model, row }: { model: UiModel; row: number }) {
  const { setCursorPosition } = useCursor();
  const room = Math.max(4, model.columns() - PROMPT.length - 1);
  const win = visibleWindow(model.line, room, stringWidth);
  setCursorPosition({ x: PROMPT.length + win.cursorColumn, y: row });
  return <Text wrap="truncate-end">{PROMPT + win.text}</Text>;
}

/**
 * What the live area shows so that it stays shorter than the terminal: ink clears the screen and
 * writes the whole transcript again whenever it is not. The blank line above it and the status
 * line give way first in a terminal only a few rows tall (the model cuts a glitch frame to fit).
 */
export function liveAreaFit(rows: number, frameRows: number, screenReader: boolean): { margin: 0 | 1; status: boolean } {
  const status = !screenReader && frameRows + 2 < rows;
  const used = frameRows + (status ? 1 : 0) + 1;
  return { margin: used + 1 < rows ? 1 : 0, status };
}

/**
 * Writes the transcript items not yet written, above the live area, with ink's `write` (which
 * erases the live area, writes, and draws it again). Not <Static>: that lays every character of
 * the transcript out again in ink's own grid, about four fifths of what a turn allocates, to
 * write text the model has already wrapped; and ink would keep all of it to redraw the screen.
 */
function useTranscript(model: UiModel): void {
  const { write } = useStdout();
  const { batch, items } = model;
  useLayoutEffect(() => {
    const fresh = items.slice(model.writtenIn(batch));
    if (fresh.length) write(fresh.map((it) => (it.gap ? '\n' : '') + it.text + '\n').join(''));
    model.written(batch, items.length);
  }, [model, batch, items, write]);
}

export function App({ model }: { model: UiModel }) {
  useModel(model);
  const { exit } = useApp();
  useRawInput(model.inputHandler);
  useResize(model.resizeHandler);
  useTranscript(model);
  useEffect(() => {
    if (model.ended) exit();
  }, [model.ended, exit]);

  const frame = model.frame;
  const fit = liveAreaFit(model.rows(), frame?.length ?? 0, model.settings().screenReader);
  const live = model.ended || model.suspended ? null : (
    <Box flexDirection="column" marginTop={fit.margin}>
      {frame ? <Text wrap="truncate-end">{frame.join('\n')}</Text> : null}
      {fit.status ? <Text wrap="truncate-end">{model.status()}</Text> : null}
      <InputLine model={model} row={fit.margin + (frame?.length ?? 0) + (fit.status ? 1 : 0)} />
    </Box>
  );
  return (
    <>
      {live}
    </>
  );
}

/** Mounts the UI on the given streams. */
export function mount(model: UiModel, io: Pick<Io, 'stdin' | 'stdout' | 'stderr'>): Instance {
  return render(<App model={model} />, {
    stdin: io.stdin as NodeJS.ReadStream,
    stdout: io.stdout as NodeJS.WriteStream,
    stderr: io.stderr as NodeJS.WriteStream,
    exitOnCtrlC: false,
    patchConsole: false,
  });
}
