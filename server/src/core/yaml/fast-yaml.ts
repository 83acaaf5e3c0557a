/**
 * A lean reader for the YAML that event files are written in: block mappings and sequences, plain
 * and quoted one-line scalars, `|`/`>` block scalars, one-line flow collections and comments. It
 * builds the same tree the `yaml` package builds (the same node classes, values, types and ranges),
 * and the plain value alongside it, in one pass over the text and about ten times faster.
 *
 * It gives up (returns `undefined`) on anything else — anchors, aliases, tags, directives,
 * multi-line plain or quoted scalars, complex keys, tabs in indentation, duplicate keys, anything
 * malformed — and the caller then lets the `yaml` package read that document: the full parser stays
 * the reference, this is only a shortcut for the common case. `test/core/fast-yaml.test.ts` compares
 * both readers node by node on the samples, generated datasets and random mutations of them.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';

/** The core schema's implicit scalar tags (null, bool, int, float), exactly as `yaml` resolves them. */
type ScalarTag = { test?: RegExp; format?: string; resolve: (source: string, onError: (message: string) => void, options: object) => unknown };
const SCHEMA_DOC = new Document(null, { version: '1.2' });
const CORE_TAGS = (SCHEMA_DOC.schema.tags as unknown as (ScalarTag & { default?: unknown; collection?: string })[]).filter(
  (t) => t.default === true && !t.collection && t.test,
);
const DOC_OPTIONS = { version: '1.2', uniqueKeys: true, strict: true, logLevel: 'silent', keepSourceTokens: false } as const;

/**
 * Node constructors without the cost of `yaml`'s: its constructors define the node-type symbol on each
 * instance with `Object.defineProperty`, which dominated the reading time. These objects share the
 * real prototypes (so `instanceof`, `isScalar`, `isMap`… and every method work) and carry the
 * node-type symbol on an intermediate prototype instead.
 */
function fastClass<T extends object>(base: { prototype: T }, sample: object): { prototype: T } {
  const symbol = Object.getOwnPropertySymbols(sample).find((k) => typeof (sample as Record<symbol, unknown>)[k] === 'symbol');
  if (!symbol) throw new Error('yaml node type symbol not found');
  const proto = Object.create(base.prototype, { [symbol]: { value: (sample as Record<symbol, unknown>)[symbol] }, range: RANGE });
  return { prototype: proto };
}

/**
 * Where a document read by the lean reader has moved since it was read. When the text before a
 * document grows or shrinks (an edit in an earlier document of the stream) the document is moved by
 * changing this one number instead of every range of its tree: the nodes' `range` is a getter that
 * adds it to the offsets they were read at.
 */
interface Shift {
  delta: number;
}
let reading: Shift = { delta: 0 };
const shifts = new WeakMap<object, Shift>();

interface Placed {
  _a: number;
  _b: number;
  _c: number;
  _s: Shift | undefined;
}
/** `range`, as three offsets kept in the node (no array per node: trees of long streams are large). */
const RANGE: PropertyDescriptor = {
  get(this: Placed) {
    if (!this._s) return undefined;
    const d = this._s.delta;
    return [this._a + d, this._b + d, this._c + d];
  },
  set(this: Placed, r: [number, number, number] | undefined) {
    if (!r) {
      this._s = undefined;
      return;
    }
    this._a = r[0];
    this._b = r[1];
    this._c = r[2];
    this._s = reading;
  },
  configurable: true,
};

/** Moves a document the lean reader read by `delta`; false if it did not read it. */
export function moveDocument(doc: object, delta: number): boolean {
  const shift = shifts.get(doc);
  if (!shift) return false;
  shift.delta += delta;
  return true;
}
const SCALAR_PROTO = fastClass(Scalar, new Scalar(null)).prototype;
const MAP_PROTO = fastClass(YAMLMap, new YAMLMap()).prototype;
const SEQ_PROTO = fastClass(YAMLSeq, new YAMLSeq()).prototype;
const PAIR_PROTO = fastClass(Pair, new Pair(null)).prototype;

/* Constructors that set every field up front, so that each node is one compact object. */
function FastScalar(this: Record<string, unknown>, value: unknown) {
  this.value = value;
  this.source = undefined;
  this.type = undefined;
  this._a = 0;
  this._b = 0;
  this._c = 0;
  this._s = undefined;
}
FastScalar.prototype = SCALAR_PROTO;
function FastCollection(this: Record<string, unknown>) {
  this.items = [];
  this.flow = undefined;
  this._a = 0;
  this._b = 0;
  this._c = 0;
  this._s = undefined;
}
function FastMap(this: Record<string, unknown>) {
  FastCollection.call(this);
}
FastMap.prototype = MAP_PROTO;
function FastSeq(this: Record<string, unknown>) {
  FastCollection.call(this);
}
FastSeq.prototype = SEQ_PROTO;
function FastPair(this: Record<string, unknown>, key: unknown, value: unknown) {
  this.key = key;
  this.value = value;
}
FastPair.prototype = PAIR_PROTO;

type Ctor<T> = new (...args: unknown[]) => T;

/**
 * Values only (`fastReadValue`): no tree is built; the factories hand out one reusable node each,
 * whose fields are written and read back at once, and collections whose items go nowhere.
 */
let buildNodes = true;
const NO_ITEMS = { push() {} };
const SCRATCH_SCALAR = new (FastScalar as unknown as Ctor<Scalar>)(null);
const SCRATCH_MAP = new (FastMap as unknown as Ctor<YAMLMap>)();
const SCRATCH_SEQ = new (FastSeq as unknown as Ctor<YAMLSeq>)();
const SCRATCH_PAIR = new (FastPair as unknown as Ctor<Pair>)(null, null);
(SCRATCH_MAP as unknown as { items: unknown }).items = NO_ITEMS;
(SCRATCH_SEQ as unknown as { items: unknown }).items = NO_ITEMS;

function newScalar(value: unknown): Scalar {
  if (!buildNodes) {
    SCRATCH_SCALAR.value = value;
    return SCRATCH_SCALAR;
  }
  return new (FastScalar as unknown as Ctor<Scalar>)(value);
}
function newMap(): YAMLMap {
  return buildNodes ? new (FastMap as unknown as Ctor<YAMLMap>)() : SCRATCH_MAP;
}
function newSeq(): YAMLSeq {
  return buildNodes ? new (FastSeq as unknown as Ctor<YAMLSeq>)() : SCRATCH_SEQ;
}
function newPair(key: unknown, value: unknown): Pair {
  return buildNodes ? new (FastPair as unknown as Ctor<Pair>)(key, value) : SCRATCH_PAIR;
}

/**
 * Strings cut from a long text are views into it (V8 keeps the whole text alive for each). In a long
 * stream, documents reused across versions would keep every version's text alive: copy instead.
 */
let copyStrings = false;
function own(text: string): string {
  return copyStrings && text.length >= 13 ? (' ' + text).slice(1) : text;
}

/** Thrown (and caught in `fastParseDocument`) to give up on a document. */
const GIVE_UP = Symbol('give up');

/** A node read, with its plain value and where reading continues. */
interface Read {
  /** Where the node starts, when not on the key's line (a block on the next lines). */
  start?: number;
  node: YamlNode;
  value: unknown;
  /** The node's range[2]: its end with trailing spaces, comment and line break. */
  end: number;
  /** Start of the line after the node. */
  next: number;
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const HASH = 35;

/** Characters that may not start a plain scalar here (YAML's indicators). */
const INDICATOR = new Set('-?:,[]{}#&*!|>\'"%@`'.split('').map((c) => c.charCodeAt(0)));

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};

function giveUp(): never {
  throw GIVE_UP;
}

/** The value a plain scalar's text stands for under the YAML 1.2 core schema, as a node. */
function plainScalar(text: string): Scalar {
  const c = text.charCodeAt(0);
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // A word that starts with a letter is text unless it is one of null/true/false's spellings.
  if (!letter || (text.length <= 5 && 'nNtTfF'.includes(text[0]))) {
    for (const tag of CORE_TAGS) {
      if (tag.test!.test(text)) {
        let failed = false;
        const res = tag.resolve(text, () => (failed = true), DOC_OPTIONS);
        if (failed) giveUp();
        const scalar = res instanceof Scalar ? (Object.assign(newScalar(undefined), res) as Scalar) : newScalar(res);
        if (tag.format) scalar.format = tag.format;
        return scalar;
      }
    }
  }
  return newScalar(text);
}

/** Nesting deeper than this is left to the full parser (and its guards); an event needs about 5. */
const MAX_DEPTH = 64;

class Reader {
  /** Start of the line `content` last stopped on. */
  private lineStart = 0;
  private depth = 0;
  /** Where the document's root mapping starts, and where the value of its `id` key starts. */
  rootStart = -1;
  idAt: number | undefined;

  constructor(
    private readonly s: string,
    private readonly to: number,
  ) {}

  /** Position of the line break ending the line at `p` (or `to`). */
  private lineEnd(p: number): number {
    const e = this.s.indexOf('\n', p);
    return e < 0 || e > this.to ? this.to : e;
  }

  private afterLine(p: number): number {
    const e = this.lineEnd(p);
    return e < this.to ? e + 1 : this.to;
  }

  /** Whether the last `content` call went past a comment line. */
  skippedComment = false;

  /**
   * From a line start, past blank and comment lines, to the first content character (or `to`).
   * A comment line indented deeper than the content that follows belongs to the node before it in
   * `yaml`'s tree (it widens that node's range): such texts are left to the full parser.
   */
  content(p: number): number {
    const s = this.s;
    let deepest = -1;
    this.skippedComment = false;
    for (;;) {
      this.lineStart = p;
      let q = p;
      while (q < this.to && s.charCodeAt(q) === SPACE) q++;
      if (q >= this.to) {
        if (deepest > 0) giveUp();
        return this.to;
      }
      const c = s.charCodeAt(q);
      if (c === HASH) {
        deepest = Math.max(deepest, q - p);
        this.skippedComment = true;
      }
      if (c === LF || (c === CR && s.charCodeAt(q + 1) === LF) || c === HASH) {
        p = this.afterLine(q);
        continue;
      }
      if (c === TAB || c === CR) giveUp();
      if (deepest > q - p) giveUp();
      return q;
    }
  }

  column(p: number): number {
    return p - this.lineStart;
  }

  /** After a value on its line: spaces, an optional comment, the line break. Returns the end of all that. */
  private endOfLine(p: number): number {
    const s = this.s;
    let q = p;
    while (q < this.to && (s.charCodeAt(q) === SPACE || s.charCodeAt(q) === TAB)) q++;
    if (q >= this.to) return this.to;
    const c = s.charCodeAt(q);
    if (c === LF) return q + 1;
    if (c === CR && s.charCodeAt(q + 1) === LF) return q + 2;
    if (c === HASH && q > p) return this.afterLine(q);
    return giveUp();
  }

  private isSeqEntry(p: number): boolean {
    if (this.s.charCodeAt(p) !== 45 /* - */) return false;
    const n = this.s.charCodeAt(p + 1);
    return p + 1 >= this.to || n === SPACE || n === LF || n === CR;
  }

  /** A block node whose first character is at `p`, at column `col`. */
  block(p: number, col: number): Read {
    if (++this.depth > MAX_DEPTH) giveUp();
    const read = this.isSeqEntry(p) ? this.blockSeq(p, col) : this.blockMap(p, col);
    this.depth--;
    return read;
  }

  /** A quoted scalar on one line; returns the node and the position after the closing quote. */
  private quoted(p: number): { scalar: Scalar; text: string; close: number } {
    const s = this.s;
    const q = s.charCodeAt(p);
    let out = '';
    let i = p + 1;
    let run = i;
    for (;;) {
      if (i >= this.to) giveUp();
      const c = s.charCodeAt(i);
      if (c === LF || c === CR) giveUp();
      if (q === 34 /* " */) {
        if (c === 34) break;
        if (c === 92 /* \ */) {
          out += s.slice(run, i);
          const next = s[i + 1];
          const simple = ESCAPES[next];
          if (simple !== undefined && next !== '\t') {
            out += simple;
            i += 2;
          } else if (next === 'x' || next === 'u' || next === 'U') {
            const len = next === 'x' ? 2 : next === 'u' ? 4 : 8;
            const hex = s.substr(i + 2, len);
            if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) giveUp();
            const code = parseInt(hex, 16);
            if (code > 0x10ffff) giveUp();
            out += String.fromCodePoint(code);
            i += 2 + len;
          } else {
            giveUp();
          }
          run = i;
          continue;
        }
      } else if (c === 39 /* ' */) {
        if (s.charCodeAt(i + 1) === 39) {
          out += s.slice(run, i + 1);
          i += 2;
          run = i;
          continue;
        }
        break;
      }
      i++;
    }
    out = own(out + s.slice(run, i));
    const scalar = newScalar(out);
    scalar.source = out;
    scalar.type = q === 34 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
    return { scalar, text: out, close: i + 1 };
  }

  /** A mapping key at `p` (plain or quoted, on one line, followed by `: ` or `:` at the end of the line). */
  private key(p: number): { node: Scalar; text: string; colon: number } {
    const s = this.s;
    const c = s.charCodeAt(p);
    if (c === 34 || c === 39) {
      const { scalar, text, close } = this.quoted(p);
      if (s.charCodeAt(close) !== 58 /* : */ || !this.separates(close + 1)) giveUp();
      scalar.range = [p, close, close];
      return { node: scalar, text, colon: close };
    }
    if (INDICATOR.has(c)) giveUp();
    let i = p;
    for (;;) {
      if (i >= this.to) giveUp();
      const d = s.charCodeAt(i);
      if (d === LF || d === CR) giveUp();
      if (d === 58 && this.separates(i + 1)) break;
      if (d === HASH && (s.charCodeAt(i - 1) === SPACE || s.charCodeAt(i - 1) === TAB)) giveUp();
      i++;
    }
    const last = s.charCodeAt(i - 1);
    if (i === p || last === SPACE || last === TAB) giveUp();
    const text = own(s.slice(p, i));
    if (text === '<<' || text === '__proto__') giveUp();
    const node = plainScalar(text);
    if (typeof node.value !== 'string') giveUp();
    node.source = text;
    node.type = 'PLAIN';
    node.range = [p, i, i];
    return { node, text, colon: i };
  }

  /** Whether the character at `p` ends a `:` indicator in block context (space, tab, line break, end). */
  private separates(p: number): boolean {
    if (p >= this.to) return true;
    const c = this.s.charCodeAt(p);
    return c === SPACE || c === LF || c === CR || c === TAB;
  }

  private blockMap(start: number, col: number): Read {
    const s = this.s;
    const map = newMap();
    const obj: Record<string, unknown> = {};
    let p = start;
    let end = start;
    let next = start;
    for (;;) {
      const k = this.key(p);
      if (Object.prototype.hasOwnProperty.call(obj, k.text)) giveUp();
      let q = k.colon + 1;
      while (q < this.to && s.charCodeAt(q) === SPACE) q++;
      const c = q < this.to ? s.charCodeAt(q) : LF;
      let read: Read;
      if (c === LF || c === CR || c === HASH) {
        if (c === CR && s.charCodeAt(q + 1) !== LF) giveUp();
        const after = this.afterLine(q);
        const np = this.content(after);
        const ncol = this.column(np);
        // Comment lines after an empty value widen its range in yaml's tree: left to the full parser.
        if (this.skippedComment && !(np < this.to && (ncol > col || (ncol === col && this.isSeqEntry(np))))) giveUp();
        if (np < this.to && (ncol > col || (ncol === col && this.isSeqEntry(np)))) {
          read = { ...this.block(np, ncol), start: np };
        } else {
          const scalar = newScalar(null);
          scalar.source = '';
          scalar.type = 'PLAIN';
          const e = c === HASH ? after : q;
          scalar.range = [q, q, e];
          read = { node: scalar, value: null, end: e, next: after };
        }
      } else if (c === TAB) {
        giveUp();
      } else {
        read = this.inlineValue(q, col);
      }
      // Where the root's id value starts: on the key's line, or where its block begins.
      if (start === this.rootStart && k.text === 'id') this.idAt = read.start ?? q;
      map.items.push(newPair(k.node, read.node));
      obj[k.text] = read.value;
      end = read.end;
      next = read.next;
      const np = this.content(next);
      if (np >= this.to) break;
      const ncol = this.column(np);
      if (ncol < col) break;
      if (ncol > col || this.isSeqEntry(np)) giveUp();
      p = np;
    }
    map.range = [start, end, end];
    return { node: map, value: obj, end, next };
  }

  private blockSeq(start: number, col: number): Read {
    const s = this.s;
    const seq = newSeq();
    const arr: unknown[] = [];
    let p = start;
    let end = start;
    let next = start;
    for (;;) {
      let q = p + 1;
      while (q < this.to && s.charCodeAt(q) === SPACE) q++;
      const c = q < this.to ? s.charCodeAt(q) : LF;
      let read: Read;
      if (c === LF || c === CR || c === HASH) {
        const np = this.content(this.afterLine(q));
        const ncol = this.column(np);
        if (np >= this.to || ncol <= col) giveUp();
        read = this.block(np, ncol);
      } else if (c === TAB || this.isSeqEntry(q)) {
        giveUp();
      } else if (this.startsKey(q)) {
        read = this.blockMap(q, q - this.lineStart);
      } else {
        read = this.inlineValue(q, col);
      }
      seq.items.push(read.node);
      arr.push(read.value);
      end = read.end;
      next = read.next;
      const np = this.content(next);
      if (np >= this.to) break;
      const ncol = this.column(np);
      if (ncol < col || (ncol === col && !this.isSeqEntry(np))) break;
      if (ncol > col) giveUp();
      p = np;
    }
    seq.range = [start, end, end];
    return { node: seq, value: arr, end, next };
  }

  /** Whether the line from `p` reads as `key: …` (a compact mapping in a sequence entry). */
  private startsKey(p: number): boolean {
    const s = this.s;
    const c = s.charCodeAt(p);
    if (c === 34 || c === 39) {
      const e = this.lineEnd(p);
      // `"a": b` is a key; `"a\"b": c` or `'it''s': x` are left to the quoted reader via blockMap.
      // (The closing quote is looked for on this line only: a search past it could run to the end of the stream.)
      let i: number;
      if (c === 34) {
        // find the real closing quote
        i = p + 1;
        while (i < e && s.charCodeAt(i) !== 34) i += s.charCodeAt(i) === 92 ? 2 : 1;
      } else {
        i = p + 1;
        while (i < e && !(s.charCodeAt(i) === 39 && s.charCodeAt(i + 1) !== 39)) i += s.charCodeAt(i) === 39 ? 2 : 1;
      }
      return i < e && s.charCodeAt(i + 1) === 58 && this.separates(i + 2);
    }
    if (c === 91 || c === 123) return false;
    const e = this.lineEnd(p);
    for (let i = p; i < e; i++) {
      const d = s.charCodeAt(i);
      if (d === 58 && this.separates(i + 1)) return true;
      if (d === HASH && (s.charCodeAt(i - 1) === SPACE || s.charCodeAt(i - 1) === TAB)) return false;
    }
    return false;
  }

  /** A value that starts on the current line at `q`: block scalar, flow collection, quoted or plain scalar. */
  private inlineValue(q: number, col: number): Read {
    const s = this.s;
    const c = s.charCodeAt(q);
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(q, col);
    let node: YamlNode;
    let value: unknown;
    let close: number;
    if (c === 91 /* [ */ || c === 123 /* { */) {
      const f = this.flow(q);
      node = f.node;
      value = f.value;
      close = f.close;
    } else if (c === 34 || c === 39) {
      const r = this.quoted(q);
      node = r.scalar;
      value = r.text;
      close = r.close;
    } else {
      if (INDICATOR.has(c) && !(c === 45 /* - */ && !this.separates(q + 1))) giveUp();
      // Plain scalar: up to a comment or the end of the line, trailing spaces trimmed.
      const e = this.lineEnd(q);
      let i = q;
      let stop = e;
      for (; i < e; i++) {
        const d = s.charCodeAt(i);
        if (d === HASH && (s.charCodeAt(i - 1) === SPACE || s.charCodeAt(i - 1) === TAB)) {
          stop = i;
          break;
        }
        if (d === 58 && this.separates(i + 1)) giveUp();
      }
      let t = stop;
      while (t > q && (s.charCodeAt(t - 1) === SPACE || s.charCodeAt(t - 1) === TAB || s.charCodeAt(t - 1) === CR)) t--;
      const text = own(s.slice(q, t));
      const scalar = plainScalar(text);
      scalar.source = text;
      scalar.type = 'PLAIN';
      node = scalar;
      value = scalar.value;
      close = t;
    }
    const end = this.endOfLine(close);
    (node as { range?: [number, number, number] }).range = [q, close, end];
    // A more indented line next would continue the scalar over lines: leave that to the full parser.
    const np = this.content(end);
    if (np < this.to && this.column(np) > col) giveUp();
    return { node, value, end, next: end };
  }

  /** A one-line flow collection at `p`. `close` is the position after its closing bracket. */
  private flow(p: number): { node: YAMLMap | YAMLSeq; value: unknown; close: number } {
    if (++this.depth > MAX_DEPTH) giveUp();
    const s = this.s;
    const isMap = s.charCodeAt(p) === 123;
    const closing = isMap ? 125 : 93;
    const node = isMap ? newMap() : newSeq();
    node.flow = true;
    const obj: Record<string, unknown> = {};
    const arr: unknown[] = [];
    let i = this.spaces(p + 1);
    if (s.charCodeAt(i) === closing) {
      i++;
      node.range = [p, i, i];
      this.depth--;
      return { node, value: isMap ? obj : arr, close: i };
    }
    for (;;) {
      if (isMap) {
        const ks = i;
        let key: Scalar;
        let text: string;
        let ke: number;
        const c = s.charCodeAt(i);
        if (c === 34 || c === 39) {
          const r = this.quoted(i);
          key = r.scalar;
          text = r.text;
          ke = r.close;
        } else {
          if (INDICATOR.has(c)) giveUp();
          ke = i;
          while (ke < this.to) {
            const d = s.charCodeAt(ke);
            if (d === 58 || d === 44 || d === 91 || d === 93 || d === 123 || d === 125 || d === LF || d === CR || d === HASH || d === SPACE || d === TAB) break;
            ke++;
          }
          text = own(s.slice(i, ke));
          if (text === '<<' || text === '__proto__') giveUp();
          key = plainScalar(text);
          if (typeof key.value !== 'string') giveUp();
          key.source = text;
          key.type = 'PLAIN';
        }
        if (s.charCodeAt(ke) !== 58) giveUp();
        key.range = [ks, ke, ke];
        if (Object.prototype.hasOwnProperty.call(obj, text)) giveUp();
        i = this.spaces(ke + 1);
        if (i === ke + 1 && !(s.charCodeAt(i) === 44 || s.charCodeAt(i) === closing)) giveUp();
        let value: Read | undefined;
        const v = s.charCodeAt(i);
        if (v === 44 || v === closing) {
          const scalar = newScalar(null);
          scalar.source = '';
          scalar.type = 'PLAIN';
          scalar.range = [i, i, i];
          value = { node: scalar, value: null, end: i, next: i };
        } else {
          value = this.flowValue(i, closing);
        }
        (node.items as unknown[]).push(newPair(key, value.node));
        obj[text] = value.value;
        i = value.end;
      } else {
        const value = this.flowValue(i, closing);
        if (s.charCodeAt(value.end) === 58) giveUp();
        (node.items as unknown[]).push(value.node);
        arr.push(value.value);
        i = value.end;
      }
      const d = s.charCodeAt(i);
      if (d === 44) {
        i = this.spaces(i + 1);
        if (s.charCodeAt(i) === closing) giveUp();
        continue;
      }
      if (d === closing) {
        i++;
        break;
      }
      giveUp();
    }
    node.range = [p, i, i];
    this.depth--;
    return { node, value: isMap ? obj : arr, close: i };
  }

  private spaces(i: number): number {
    while (i < this.to && this.s.charCodeAt(i) === SPACE) i++;
    return i;
  }

  /** A value inside a flow collection; `end` is after the spaces that follow it. */
  private flowValue(i: number, closing: number): Read {
    const s = this.s;
    const c = s.charCodeAt(i);
    if (c === 91 || c === 123) {
      const f = this.flow(i);
      const end = this.spaces(f.close);
      const r = f.node.range as [number, number, number];
      f.node.range = [r[0], r[1], end];
      return { node: f.node, value: f.value, end, next: end };
    }
    if (c === 34 || c === 39) {
      const r = this.quoted(i);
      const end = this.spaces(r.close);
      r.scalar.range = [i, r.close, end];
      return { node: r.scalar, value: r.text, end, next: end };
    }
    if (INDICATOR.has(c) && !(c === 45 && !this.separates(i + 1) && s.charCodeAt(i + 1) !== 44 && s.charCodeAt(i + 1) !== closing)) giveUp();
    let e = i;
    while (e < this.to) {
      const d = s.charCodeAt(e);
      if (d === 44 || d === 91 || d === 93 || d === 123 || d === 125 || d === LF || d === CR) break;
      if (d === 58) {
        const n = s.charCodeAt(e + 1);
        if (n === SPACE || n === 44 || n === 93 || n === 125 || n === LF || n === CR) break;
      }
      if (d === HASH && (s.charCodeAt(e - 1) === SPACE || s.charCodeAt(e - 1) === TAB)) giveUp();
      e++;
    }
    let t = e;
    while (t > i && (s.charCodeAt(t - 1) === SPACE || s.charCodeAt(t - 1) === TAB)) t--;
    if (t === i) giveUp();
    const d = s.charCodeAt(e);
    if (d !== 44 && d !== closing && d !== 58) giveUp();
    const text = own(s.slice(i, t));
    const scalar = plainScalar(text);
    scalar.source = text;
    scalar.type = 'PLAIN';
    scalar.range = [i, t, e];
    return { node: scalar, value: scalar.value, end: e, next: e };
  }

  /** A `|` or `>` block scalar whose indicator is at `q`, inside a node at column `col`. */
  private blockScalar(q: number, col: number): Read {
    const s = this.s;
    const literal = s.charCodeAt(q) === 124;
    let i = q + 1;
    let strip = false;
    if (s.charCodeAt(i) === 45 /* - */) {
      strip = true;
      i++;
    }
    const h = s.charCodeAt(i);
    if (i < this.to && h !== SPACE && h !== TAB && h !== LF && h !== CR) giveUp(); // keep (+) or an indentation digit
    const first = this.endOfLine(i);
    // Content indentation: that of the first line, which must be a content line.
    let m = 0;
    while (first + m < this.to && s.charCodeAt(first + m) === SPACE) m++;
    const fc = s.charCodeAt(first + m);
    if (first + m >= this.to || m <= col || fc === LF || fc === CR || fc === TAB) giveUp();
    const lines: string[] = [];
    let empties = 0;
    let out = '';
    let p = first;
    let end = first;
    while (p < this.to) {
      let k = 0;
      while (p + k < this.to && s.charCodeAt(p + k) === SPACE) k++;
      const e = this.lineEnd(p);
      const c = p + k < this.to ? s.charCodeAt(p + k) : LF;
      const blank = c === LF || (c === CR && p + k + 1 === e);
      if (blank) {
        if (k > m) giveUp();
        empties++;
        p = e < this.to ? e + 1 : this.to;
        continue;
      }
      if (k < m) break;
      if (c === CR) giveUp();
      if (!literal && (k > m || c === TAB)) giveUp();
      const ce = s.charCodeAt(e - 1) === CR ? e - 1 : e;
      const line = s.slice(p + m, ce);
      if (lines.length === 0) out = line;
      else if (literal) out += '\n'.repeat(empties + 1) + line;
      else out += empties ? '\n'.repeat(empties) + line : ' ' + line;
      lines.push(line);
      empties = 0;
      end = e < this.to ? e + 1 : this.to;
      p = end;
    }
    if (!strip) out += '\n';
    out = own(out);
    const scalar = newScalar(out);
    scalar.source = out;
    scalar.type = literal ? 'BLOCK_LITERAL' : 'BLOCK_FOLDED';
    scalar.range = [q, end, end];
    return { node: scalar, value: out, end, next: end };
  }
}

export interface FastDocument {
  doc: Document.Parsed;
  value: unknown;
  /** Where the value of the root mapping's `id` key starts. */
  idAt?: number;
}

/**
 * Reads the document in `text[from, to)` — one document of a stream, from its `---` (if any) to the
 * next — or returns `undefined` when it holds anything outside the lean reader's subset.
 */
export function fastParseDocument(text: string, from = 0, to = text.length): FastDocument | undefined {
  const read = readDocument(text, from, to, true);
  if (!read) return undefined;
  const doc = new Document(undefined, DOC_OPTIONS) as unknown as Document.Parsed;
  doc.contents = read.node as Document.Parsed['contents'];
  doc.range = read.range;
  shifts.set(doc, read.shift);
  return { doc, value: read.value, idAt: read.idAt };
}

/**
 * The plain value of the document in `text[from, to)` without its tree (faster, and nothing kept
 * but the value), with the document's range and where the value of its `id` key starts; `undefined`
 * where `fastParseDocument` gives up.
 */
export function fastReadValue(text: string, from = 0, to = text.length): { value: unknown; range: [number, number, number]; idAt?: number } | undefined {
  const read = readDocument(text, from, to, false);
  return read && { value: read.value, range: read.range, idAt: read.idAt };
}

/**
 * Whether a text holds a CR at all, worked out once per text (documents of a stream are read one
 * after the other from the same text: a search from each document to the end of the text would make
 * a stream of n documents cost n²).
 */
let crText: string | undefined;
let crFound = false;
function hasCR(text: string): boolean {
  if (text !== crText) {
    crText = text;
    crFound = text.includes('\r');
  }
  return crFound;
}

function readDocument(text: string, from: number, to: number, nodes: boolean) {
  try {
    buildNodes = nodes;
    // A lone CR is a line break to YAML 1.2 but not to `yaml` (parseFile turns it into LF first).
    if (hasCR(text) && /\r(?!\n)/.test(text.slice(from, to))) return undefined;
    reading = { delta: 0 };
    copyStrings = text.length > 1 << 20;
    const r = new Reader(text, to);
    let q = r.content(from);
    let docStart = q;
    const marker = (p: number, m: string) => text.startsWith(m, p) && (p + 3 >= to || /[ \t\r\n]/.test(text[p + 3]));
    if (q < to && (marker(q, '---') || marker(q, '...'))) {
      if (text[q] === '.' || r.column(q) !== 0) return undefined;
      docStart = q;
      let i = q + 3;
      while (i < to && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
      const c = text.charCodeAt(i);
      if (i < to && c !== LF && c !== CR && !(c === HASH && i > q + 3)) return undefined;
      const e = text.indexOf('\n', i);
      q = r.content(e < 0 || e >= to ? to : e + 1);
    }
    if (q >= to || r.column(q) !== 0 || text.charCodeAt(q) === 37 /* % */) return undefined;
    if (marker(q, '...') || marker(q, '---')) return undefined;
    r.rootStart = q;
    const read = r.block(q, 0);
    if (r.content(read.next) < to) return undefined;
    return { node: read.node, value: read.value, range: [docStart, read.end, to] as [number, number, number], idAt: r.idAt, shift: reading };
  } catch (err) {
    if (err === GIVE_UP) return undefined;
    throw err;
  } finally {
    buildNodes = true;
  }
}
