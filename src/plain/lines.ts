// Splits text arriving in chunks into lines the way node:readline does with crlfDelay: Infinity
// (a line ends at \n, \r\n or a lone \r; a \r\n split across two chunks is one ending; the last
// line counts even without an ending). Line mode reads its input through this rather than
// readline: lines waiting in a chunk are played at once, with no promise per line, and piped
// runs do not load readline at all.

export class LineSplitter {
  private rest = '';
  /** The previous chunk ended with \r: a \n starting the next one belongs to it. */
  private afterCR = false;

  /** The lines completed by this chunk. */
  push(chunk: string): string[] {
    let text = chunk;
    if (this.afterCR && text.startsWith('\n')) text = text.slice(1);
    this.afterCR = false;
    const out: string[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      out.push(this.rest + text.slice(start, i));
      this.rest = '';
      if (c === 13) {
        if (i + 1 === text.length) this.afterCR = true;
        else if (text.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    this.rest += text.slice(start);
    return out;
  }

  /** The unfinished last line at the end of input, if there is one. */
  end(): string[] {
    const last = this.rest;
    this.rest = '';
    return last.length > 0 ? [last] : [];
  }
}
