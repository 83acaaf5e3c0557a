import type { Position, Range } from './types';

/**
 * Maps offsets (UTF-16 code units, as JavaScript strings count them and as LSP positions count
 * characters) to lines and back. Line breaks are `\n`, `\r\n` and a lone `\r`, as in LSP.
 */
export class LineIndex {
  readonly text: string;
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];

  constructor(text: string, lineStarts?: number[]) {
    this.text = text;
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const starts = [0];
    scanLineStarts(text, 0, text.length, starts);
    this.lineStarts = starts;
  }

  /**
   * The index of `text`, made from `prev` (the index of the previous version) when `text` differs from
   * it only in `[from, to)` (which was `[from, prevTo)` before); `from` is a line start in both.
   * The lines outside the change are copied (and moved), only the changed ones are scanned.
   */
  static spliced(prev: LineIndex, text: string, from: number, prevTo: number, to: number): LineIndex {
    const ps = prev.lineStarts;
    let lo = 0;
    let hi = ps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ps[mid] <= from) lo = mid + 1;
      else hi = mid;
    }
    const starts = ps.slice(0, lo);
    scanLineStarts(text, from, to, starts);
    const delta = to - prevTo;
    let j = lo;
    while (j < ps.length && ps[j] <= prevTo) j++;
    for (; j < ps.length; j++) starts.push(ps[j] + delta);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /**
   * Offset clamped to the text, then placed on its line. An offset between the `\r` and the `\n` of a
   * CRLF is placed before the `\r`, as LSP's TextDocument.positionAt does.
   */
  position(offset: number): Position {
    let o = Math.max(0, Math.min(offset, this.text.length));
    if (o > 0 && this.text.charCodeAt(o - 1) === 13 && this.text.charCodeAt(o) === 10) o--;
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { offset: o, line: lo, character: o - this.lineStarts[lo] };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** Offset of a line/character; a character past the end of its line lands at the line's end. */
  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[line];
    const end = this.lineContentEnd(line);
    return Math.max(start, Math.min(start + Math.max(0, character), end));
  }

  /** Offset just past the last character of a line, before its line break. */
  lineContentEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineContentEnd(line));
  }

  /** The last column counted in bytes: positions asked in order along one long line are counted from it. */
  private utf8Cursor: { line: number; offset: number; bytes: number } | undefined;

  /** Column of a position counted in UTF-8 bytes (0-based), for formats that count bytes. */
  utf8Character(pos: Position): number {
    const c = this.utf8Cursor;
    const from = c && c.line === pos.line && c.offset <= pos.offset ? c : { line: pos.line, offset: this.lineStarts[pos.line], bytes: 0 };
    // Never from inside a surrogate pair: the pair is counted whole from its first half.
    const start = from.offset > this.lineStarts[pos.line] && isLowSurrogate(this.text.charCodeAt(from.offset)) ? { line: pos.line, offset: this.lineStarts[pos.line], bytes: 0 } : from;
    const bytes = start.bytes + utf8Length(this.text, start.offset, pos.offset);
    this.utf8Cursor = { line: pos.line, offset: pos.offset, bytes };
    return bytes;
  }
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Number of UTF-8 bytes that encode text[start, end). Lone surrogates count as U+FFFD (3 bytes). */
export function utf8Length(text: string, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Pushes the start of every line that begins after a line break in `text[from, to)`. */
function scanLineStarts(text: string, from: number, to: number, starts: number[]): void {
  if (text.indexOf('\r', from) < 0 || text.indexOf('\r', from) >= to) {
    // The common case: `\n` only. indexOf scans natively, several times faster than a charCode loop.
    for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return;
  }
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
}

/**
 * A copy of a string that holds on to nothing else. V8 keeps a substring of 13 or more characters
 * as a view into the whole text it was cut from, and a concatenation as its parts: an id or a quote
 * kept from a file (in an index, a memo table, a report's row) would keep the whole file's text
 * alive. Shorter strings are copies already.
 */
export function detached<T extends string | undefined>(text: T): T {
  return (text !== undefined && text.length >= 13 ? (' ' + text).slice(1) : text) as T;
}

/**
 * A copy of plain data (objects, arrays, strings, numbers, booleans, null) whose strings are
 * `detached`: what is kept long after the text it was read from (a report's rows) holds none of it.
 */
export function detachedDeep<T>(value: T): T {
  if (typeof value === 'string') return (value.length >= 13 ? (' ' + value).slice(1) : value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = detachedDeep(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in value) out[k] = detachedDeep((value as Record<string, unknown>)[k]);
  return out as T;
}
