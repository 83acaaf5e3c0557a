/**
 * YAML text → documents with exact source ranges. Parsing happens once per text (per document
 * version in the language server); every feature shares the result.
 */
import {
  type Document,
  type Node as YamlNode,
  type ParsedNode,
  type Pair,
  type YAMLMap,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Schema,
  YAMLParseError,
  parseAllDocuments,
  parseDocument,
  visit,
} from 'yaml';
import { LineIndex } from '../base/text';
import { formatPointer, parsePointer } from '../base/pointer';
import { fastParseDocument, fastReadValue, moveDocument } from './fast-yaml';

export interface SyntaxProblem {
  code: string;
  message: string;
  start: number;
  end: number;
  severity: 'error' | 'warning';
}

export interface ParsedDocument {
  index: number;
  doc: Document.Parsed;
  /** The document as plain data (maps → objects). `undefined` if it could not be built. */
  value: unknown;
  /** Offsets of the document's content in the file. */
  start: number;
  end: number;
  problems: SyntaxProblem[];
  /** Where the value of the document's top-level `id` starts, when the lean reader noted it (so that the index needs no tree). */
  idAt?: number;
}

export interface ParsedFile {
  text: string;
  lines: LineIndex;
  docs: ParsedDocument[];
}

/** Aliases expanded beyond this many nodes are refused (guards against "billion laughs"). */
export const MAX_ALIAS_COUNT = 200;

const PARSE_OPTIONS = {
  version: '1.2',
  prettyErrors: false,
  uniqueKeys: true,
  strict: true,
  logLevel: 'silent',
  keepSourceTokens: false,
} as const;

/**
 * The YAML 1.2 core schema, given as an object so that a `%YAML 1.1` directive cannot switch a
 * document to YAML 1.1 (where `<<` merges, `2025-02-22` is a timestamp and `yes` is true): every file
 * means the same to every reader of the dataset. The directive itself is reported (YAML_VERSION).
 */
const STREAM_OPTIONS = { ...PARSE_OPTIONS, uniqueKeys: false, schema: new Schema({ schema: 'core', resolveKnownTags: true }) };

/**
 * Keys written twice in a mapping, as the parser's `uniqueKeys` reports them (DUPLICATE_KEY on every
 * key after the first), found with one table per mapping: the parser compares each new key with
 * every key before it, which made a mapping of 16,000 keys cost seconds.
 */
function duplicateKeys(doc: Document.Parsed): void {
  const found: YAMLParseError[] = [];
  visit(doc, {
    Map(_key, map) {
      if (map.items.length < 2) return;
      const seen = new Set<unknown>();
      for (const p of map.items) {
        // The parser's equality: the same scalar value (===), so NaN never repeats and 1 is not "1".
        if (!isScalar(p.key) || Number.isNaN(p.key.value)) continue;
        const v = p.key.value;
        if (!seen.has(v)) {
          seen.add(v);
          continue;
        }
        const at = (p.key as ParsedNode).range?.[0] ?? 0;
        found.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
      }
    },
  });
  if (found.length === 0) return;
  doc.errors.push(...found);
  doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
}

/** A `%YAML` directive line: the version it asks for. */
const YAML_DIRECTIVE = /^%YAML[ \t]+(\S+)/m;

/** Texts longer than this (UTF-16 code units, about 10 MB) are refused unread: an event file is a few KB. */
export const MAX_TEXT_LENGTH = 10 * 1024 * 1024;

/**
 * Nesting deeper than this is refused before parsing: the parser recurses once per level, so absurd
 * nesting costs seconds and can exhaust the stack (even abort the process). An event needs about 5.
 */
export const MAX_NESTING = 128;

/**
 * Documents read from one stream, at most: those after are not read (a finding says so where they
 * start). A stream of events holds a few thousand; this bounds the cost of a file of tiny documents.
 */
export const MAX_DOCUMENTS = 250_000;

/** Entries of one mapping or sequence, at most: a document with a larger one is not checked (an event's largest has a few dozen). */
export const MAX_ENTRIES = 200_000;

/** Characters of one line, at most: a document with a longer line is not read (an event's longest line is a quote of a few hundred). */
export const MAX_LINE_LENGTH = 1_000_000;

const count = (n: number) => n.toLocaleString('en-US');

/** A document that is not read, with the one problem that says why, on the spot. */
function refusedDocument(text: string, lines: LineIndex, from: number, to: number, code: string, message: string, at: number, end?: number): ParsedDocument {
  const doc = parseDocument('', PARSE_OPTIONS);
  const start = Math.min(Math.max(at, from), text.length);
  const stop = end ?? Math.min(text.length, lines.lineContentEnd(lines.position(start).line));
  return { index: 0, doc, value: undefined, start: from, end: to, problems: [{ code, message, start, end: Math.max(start, stop), severity: 'error' }] };
}

/** The first line of `text[from, to)` longer than MAX_LINE_LENGTH: its start, or -1. */
function longLine(lines: LineIndex, from: number, to: number): number {
  const starts = lines.lineStarts;
  for (let l = lines.position(from).line; l < starts.length && starts[l] < to; l++) {
    const end = l + 1 < starts.length ? starts[l + 1] : lines.text.length;
    if (end - starts[l] > MAX_LINE_LENGTH + 2) return starts[l];
  }
  return -1;
}

/**
 * The first mapping or sequence of a document's value with more than MAX_ENTRIES entries (its size
 * and path), looked for before any rule runs: schema errors and findings on each of a million
 * entries cost far more than reading them.
 */
function largeCollection(value: unknown): { size: number; path: (string | number)[] } | undefined {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      if (v.length > MAX_ENTRIES) return { size: v.length, path };
      v.forEach((x, i) => x && typeof x === 'object' && stack.push({ v: x, path: [...path, i] }));
    } else {
      const keys = Object.keys(v);
      if (keys.length > MAX_ENTRIES) return { size: keys.length, path };
      for (const k of keys) {
        const x = (v as Record<string, unknown>)[k];
        if (x && typeof x === 'object') stack.push({ v: x, path: [...path, k] });
      }
    }
  }
  return undefined;
}

/** A document whose value holds a collection over MAX_ENTRIES is not checked: the document refused, the finding on the entry past the limit. */
function tooManyEntries(text: string, lines: LineIndex, d: ParsedDocument): ParsedDocument | undefined {
  const large = largeCollection(d.value);
  if (!large) return undefined;
  const node = locate(d.doc, formatPointer(large.path)).node;
  const items = isMap(node) || isSeq(node) ? node.items : [];
  const past = items[MAX_ENTRIES] as Pair | YamlNode | undefined;
  const at = nodeRange((isPair(past) ? past.key : past) as YamlNode | undefined)?.[0] ?? d.start;
  const where = large.path.length ? `"${formatPointer(large.path)}" has` : 'The document is a collection of';
  return refusedDocument(
    text,
    lines,
    d.start,
    d.end,
    'TOO_MANY_ENTRIES',
    `${where} ${count(large.size)} entries; collections of more than ${count(MAX_ENTRIES)} are not checked, so this document is not (an event's longest list has a few dozen).`,
    at,
  );
}

/** One document that holds a single problem about the whole text, for texts that are not parsed. */
function refused(text: string, lines: LineIndex, code: string, message: string, at = 0): ParsedFile {
  const doc = parseDocument('', PARSE_OPTIONS);
  const start = Math.min(at, text.length);
  const end = Math.min(text.length, lines.lineContentEnd(lines.position(start).line));
  return { text, lines, docs: [{ index: 0, doc, value: undefined, start: 0, end: text.length, problems: [{ code, message, start, end: Math.max(start, end), severity: 'error' }] }] };
}

/**
 * Offset where the nesting (block indentation levels, compact `- ` entries and flow brackets outside
 * quotes and comments) first exceeds `limit`, or -1. An over-estimate on purpose: it never misses
 * nesting the parser would see, and honest files stay far below the limit.
 */
export function nestingExceeds(text: string, limit = MAX_NESTING): number {
  const n = text.length;
  const indents: number[] = [];
  let flow = 0;
  let i = 0;
  while (i < n) {
    // Start of a line: indentation.
    let indent = 0;
    while (i < n && text.charCodeAt(i) === 32) {
      indent++;
      i++;
    }
    const first = text.charCodeAt(i);
    if (flow === 0 && i < n && first !== 10 && first !== 13 && first !== 35 /* # */) {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
    }
    let compact = 0;
    let atToken = true; // at the start of the line's content or after whitespace / an indicator
    let leading = true; // still in the run of leading `- ` / `? ` indicators
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        i++;
        break;
      }
      if (c === 35 /* # */ && atToken) {
        while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        continue;
      }
      if ((c === 34 /* " */ || c === 39) /* ' */ && atToken) {
        // Skip the quoted scalar (it may span lines; its brackets are text).
        i++;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (c === 34 && d === 92 /* \ */) {
            i += 2;
            continue;
          }
          if (d === c) {
            if (c === 39 && text.charCodeAt(i + 1) === 39) {
              i += 2;
              continue;
            }
            break;
          }
          i++;
        }
        i++;
        atToken = false;
        leading = false;
        continue;
      }
      const next = text.charCodeAt(i + 1);
      const spaceAfter = i + 1 >= n || next === 32 || next === 9 || next === 10 || next === 13;
      if (leading && (c === 45 /* - */ || c === 63) /* ? */ && spaceAfter) {
        compact++;
      } else if (c === 91 /* [ */ || c === 123 /* { */) {
        flow++;
      } else if (c === 93 /* ] */ || c === 125 /* } */) {
        if (flow > 0) flow--;
      } else if (c !== 32 && c !== 9) {
        leading = false;
      }
      if (indents.length + compact + flow > limit) return i;
      atToken = c === 32 || c === 9 || c === 91 || c === 123 || c === 44 /* , */ || c === 58 /* : */ || (leading && c === 45);
      i++;
    }
  }
  return -1;
}

/** Characters YAML does not allow in a stream (C0/C1 controls but tab and line breaks, DEL, lone surrogates, U+FFFE/U+FFFF), and U+FFFD. */
// eslint-disable-next-line no-control-regex
const NOT_PRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFD\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The same characters but lone surrogates: a quick test (native scans) before the precise one. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFD\uFFFE\uFFFF]/;

/** Whether a text is free of the characters YAML forbids (a quick, native scan). */
function printable(text: string): boolean {
  const wellFormed = (text as string & { isWellFormed?: () => boolean }).isWellFormed;
  if (typeof wellFormed === 'function') return !CONTROL.test(text) && wellFormed.call(text);
  NOT_PRINTABLE.lastIndex = 0;
  return !NOT_PRINTABLE.test(text);
}

function notPrintable(text: string): SyntaxProblem | undefined {
  if (printable(text)) return undefined;
  NOT_PRINTABLE.lastIndex = 0;
  const m = NOT_PRINTABLE.exec(text);
  if (!m) return undefined;
  let count = 0;
  NOT_PRINTABLE.lastIndex = 0;
  while (NOT_PRINTABLE.exec(text) && count < 1_000_000) count++;
  const code = m[0].charCodeAt(0);
  const hex = 'U+' + code.toString(16).toUpperCase().padStart(4, '0');
  const more = count > 1 ? ` (${count} such characters in the file)` : '';
  const message =
    code === 0xfffd
      ? `The text contains U+FFFD, the character that bytes which are not valid UTF-8 are read as${more}: the file is not valid UTF-8. Save it as UTF-8.`
      : code === 0
        ? `The file contains a NUL byte${more}: it looks like a binary file, not YAML text.`
        : `The file contains the character ${hex}, which YAML does not allow (a control character or half of a surrogate pair)${more}; is it a binary file?`;
  return { code: 'NOT_TEXT', message, start: m.index, end: m.index + m[0].length, severity: 'error' };
}

/** An alias inside the node it refers to (`&a [*a]`) would make the value infinite (circular). */
function circularAlias(doc: Document.Parsed): SyntaxProblem | undefined {
  let found: SyntaxProblem | undefined;
  visit(doc, {
    Alias(_key, node) {
      const target = node.resolve(doc) as ParsedNode | undefined;
      const r = (node as unknown as ParsedNode).range;
      if (target?.range && r && r[0] >= target.range[0] && r[1] <= target.range[1]) {
        found = { code: 'CIRCULAR_ALIAS', message: `The alias *${node.source} is inside the node it refers to, so its value would never end.`, start: r[0], end: r[1], severity: 'error' };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** One document of a stream as read from `text[from, to)`: the lean reader's, or the full parser's. */
interface Segment {
  from: number;
  to: number;
  docs: ParsedDocument[];
  /** No character YAML forbids (see notPrintable). */
  clean: boolean;
}

/** Internal: where each document's text lies, so that the next version can reuse unchanged ones. */
const SEGMENTS = new WeakMap<ParsedFile, Segment[]>();

/**
 * Where the documents of a stream start: the stream start, and every line that is a `---` marker
 * (YAML forbids such a line inside any scalar, so it always starts a document). Comment and blank
 * lines before the first marker belong to the first document.
 */
export function documentBounds(text: string): number[] {
  const starts = [0];
  let i = text.startsWith('---') ? 0 : text.indexOf('\n---');
  while (i >= 0) {
    const at = i === 0 && starts.length === 1 && text.startsWith('---') ? 0 : i + 1;
    const c = text.charCodeAt(at + 3);
    if (at + 3 >= text.length || c === 32 || c === 9 || c === 10 || c === 13) {
      if (at > 0) starts.push(at);
    }
    i = text.indexOf('\n---', at + 1);
  }
  // A first segment of only comments and blank lines is the prefix of the first marked document.
  if (starts.length > 1 && /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*$/.test(text.slice(0, starts[1]))) starts.splice(1, 1);
  return starts;
}

/**
 * In long streams (over `LAZY_TREES_ABOVE` characters) the documents the lean reader reads keep
 * their plain value but not their tree: `doc` reads the tree again from the text when asked (a
 * fraction of a millisecond) and the last `LAZY_TREE_CACHE` trees are kept. Trees are most of a
 * parse's memory (about 120 bytes a node, 17 KB an event); a 5,000-event stream keeps its values
 * only. Each document knows the text it is in (updated when the next version reuses it).
 */
export const LAZY_TREES_ABOVE = 1 << 20;
const LAZY_TREE_CACHE = 64;

/**
 * A document read for its value only; `doc` reads its tree again when asked. A class, so that the
 * getter is on the prototype: a stream of 200,000 documents keeps 200,000 small objects.
 */
class LazyDocument {
  index = 0;
  problems: SyntaxProblem[] = [];
  /** The tree, while it is one of the last LAZY_TREE_CACHE read again. */
  tree: Document.Parsed | undefined;

  constructor(
    /** The text the document is in (updated when the next version of the file reuses it). */
    public source: string,
    public value: unknown,
    public start: number,
    public end: number,
    public idAt: number | undefined,
  ) {}

  get doc(): Document.Parsed {
    return treeOf(this);
  }
}

/**
 * The documents whose trees are kept, oldest first. Weak: a file closed in the editor, or a run
 * that is over, leaves nothing here that keeps its documents (and their text) alive.
 */
const recentTrees: WeakRef<LazyDocument>[] = [];

function treeOf(d: LazyDocument): Document.Parsed {
  if (d.tree) return d.tree;
  const read = fastParseDocument(d.source, d.start, d.end);
  if (!read) throw new Error(`document ${d.index} no longer reads as it did`);
  d.tree = read.doc;
  recentTrees.push(new WeakRef(d));
  if (recentTrees.length > LAZY_TREE_CACHE) {
    const old = recentTrees.shift()!.deref();
    if (old) old.tree = undefined;
  }
  return d.tree;
}

function lazyDocument(source: string, value: unknown, start: number, end: number, idAt: number | undefined): ParsedDocument {
  return new LazyDocument(source, value, start, end, idAt) as unknown as ParsedDocument;
}

/** Moves every range of a parsed document by `delta` (the text before it grew or shrank). */
function shiftDocument(d: ParsedDocument, delta: number): void {
  if (delta === 0) return;
  if (d instanceof LazyDocument) {
    // A lazy document: its tree is read again where it now is.
    d.tree = undefined;
  } else {
    const move = (r: number[] | undefined) => {
      if (r) for (let i = 0; i < r.length; i++) r[i] += delta;
    };
    const walk = (n: unknown) => {
      if (!n || typeof n !== 'object') return;
      move((n as { range?: number[] }).range);
      if (isMap(n) || isSeq(n)) {
        for (const item of n.items) {
          if (isPair(item)) {
            walk(item.key);
            walk(item.value);
          } else walk(item);
        }
      }
    };
    // The lean reader's trees move by one number; the full parser's node by node.
    if (!moveDocument(d.doc, delta)) walk(d.doc.contents);
    move(d.doc.range as unknown as number[]);
    for (const e of [...d.doc.errors, ...d.doc.warnings]) move(e.pos as unknown as number[]);
  }
  for (const p of d.problems) {
    p.start += delta;
    p.end += delta;
  }
  d.start += delta;
  d.end += delta;
  if (d.idAt !== undefined) d.idAt += delta;
}

/** The full parser's reading of `source[from, to)`, its ranges in the whole text's offsets. */
function fullParse(source: string, from: number, to: number): ParsedDocument[] {
  const slice = from === 0 && to === source.length ? source : source.slice(from, to);
  const stream = parseAllDocuments(slice, STREAM_OPTIONS);
  const list = (Array.isArray(stream) ? stream : []) as Document.Parsed[];
  let previousEnd = 0;
  return list.map((doc, index) => {
    duplicateKeys(doc);
    const problems: SyntaxProblem[] = [];
    // A `%YAML 1.1` directive before this document: reported, and not obeyed (STREAM_OPTIONS).
    const headStart = previousEnd;
    const head = slice.slice(headStart, Math.max(headStart, doc.range[0]));
    previousEnd = doc.range[2];
    const directive = YAML_DIRECTIVE.exec(head);
    if (directive && directive[1] === '1.1') {
      const start = headStart + directive.index;
      problems.push({
        code: 'YAML_VERSION',
        message:
          'This file asks for YAML 1.1 (%YAML 1.1), but Haulcheck reads every file as YAML 1.2 (as the schemas and the other tools of this dataset do): "<<" merges nothing and dates stay text. Remove the directive.',
        start,
        end: start + directive[0].length,
        severity: 'error',
      });
    }
    for (const e of doc.errors) {
      problems.push({ code: e.code, message: e.message, start: e.pos[0], end: e.pos[1], severity: 'error' });
    }
    for (const w of doc.warnings) {
      problems.push({ code: w.code, message: w.message, start: w.pos[0], end: w.pos[1], severity: 'warning' });
    }
    const circular = doc.errors.length === 0 ? circularAlias(doc) : undefined;
    if (circular) problems.push(circular);
    let value: unknown;
    try {
      value = circular ? undefined : doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      value = undefined;
      const c = doc.contents?.range;
      problems.push({
        code: 'TO_JS',
        message: err instanceof Error ? err.message : String(err),
        start: c ? c[0] : 0,
        end: c ? c[1] : 0,
        severity: 'error',
      });
    }
    const [start, , end] = doc.range;
    const d: ParsedDocument = { index, doc, value, start, end, problems };
    shiftDocument(d, from);
    return d;
  });
}

/**
 * Parses a YAML stream. Each document is read on its own (split at its `---` line); the common
 * shapes go through the lean reader (`fast-yaml.ts`) and anything else through the `yaml` package.
 *
 * `previous` — the parse of the same file's previous version — lets the documents whose text did not
 * change be reused instead of read again (a one-character edit in a stream of thousands of documents
 * re-reads one). The reused documents are moved to their new offsets in place: `previous` must not be
 * used afterwards.
 */
export interface ParseOptions {
  /**
   * `lazy`: documents are read for their values only, their trees read again when asked (`doc`).
   * For passes that need the values and facts of many files but the trees of none (indexing).
   * Streams longer than LAZY_TREES_ABOVE are always lazy.
   */
  trees?: 'lazy';
  /**
   * Documents longer than `chars` are not read: each is one DOCUMENT_TOO_LARGE problem with the
   * caller's `message` (the language server reads documents up to a size it can read between two
   * keystrokes).
   */
  documentLimit?: { chars: number; message: (chars: number) => string };
  /**
   * With `previous`: how much of `text` is known to be `previous.text` as it was, its first `prefix`
   * and last `suffix` characters (an editor's change ranges tell). Only the part in between is
   * scanned and compared (see editedBounds): an edit in a stream of thousands of documents costs
   * the documents it touches, not the length of the text.
   */
  unchanged?: { prefix: number; suffix: number };
}

/** What the last parse of a text found in all of it, so that an edit need look only at what it changed. */
const WHOLE = new WeakMap<ParsedFile, { cr: boolean; directives: boolean }>();

/**
 * The documents of `text` and those of `previous` that stay, when only `text[prefix, length -
 * suffix)` is new: the documents before the change whose text and the marker line after it are in
 * the unchanged prefix are kept as they are; those whose marker line (and the line break before it)
 * is in the unchanged suffix are kept, moved; the documents of the part between are found by
 * scanning it alone. Undefined when the shortcut does not apply (a stream with directives or lone
 * CRs, a change that makes either, or one that changes how the stream's first lines group): the
 * whole text is read.
 */
function editedBounds(
  text: string,
  previous: ParsedFile,
  { prefix, suffix }: { prefix: number; suffix: number },
): { starts: number[]; kept: (Segment | undefined)[]; delta: number; from: number; toOld: number; to: number } | undefined {
  const old = SEGMENTS.get(previous);
  const whole = WHOLE.get(previous);
  const oldLen = previous.text.length;
  // A stream cut at MAX_DOCUMENTS is read whole (its last document carries what was left unread).
  if (!old || !whole || whole.cr || whole.directives || old.length >= MAX_DOCUMENTS) return undefined;
  if (!(prefix >= 0 && suffix >= 0 && prefix + suffix <= Math.min(oldLen, text.length))) return undefined;
  const delta = text.length - oldLen;
  let a = 0;
  while (a < old.length && old[a].to + 4 <= prefix) a++;
  let z = old.length;
  while (z > a && old[z - 1].from - 1 >= oldLen - suffix && old[z - 1].from > 0) z--;
  const from = a < old.length ? old[a].from : oldLen;
  const toOld = z < old.length ? old[z].from : oldLen;
  const to = toOld + delta;
  if (to < from) return undefined;
  const region = text.slice(from, to);
  // Lone CRs and directives are read by the whole-text path.
  if (region.includes('\r') || region.startsWith('%') || region.includes('\n%')) return undefined;
  const starts: number[] = [];
  const kept: (Segment | undefined)[] = [];
  for (let i = 0; i < a; i++) {
    starts.push(old[i].from);
    kept.push(old[i]);
  }
  if (from < to || a === z) {
    starts.push(from);
    kept.push(undefined);
  }
  for (let i = text.indexOf('\n---', from); i >= 0 && i + 1 < to; i = text.indexOf('\n---', i + 2)) {
    const at = i + 1;
    const c = text.charCodeAt(at + 3);
    if (at > from && (at + 3 >= text.length || c === 32 || c === 9 || c === 10 || c === 13)) {
      starts.push(at);
      kept.push(undefined);
    }
  }
  for (let i = z; i < old.length; i++) {
    starts.push(old[i].from + delta);
    kept.push(old[i]);
  }
  // The stream's first lines: a first segment of only comments and blank lines belongs to the
  // first marked document (documentBounds). Within the new part it is merged as there; a kept
  // document it would swallow sends the whole text to the other path.
  if (from === 0 && starts.length > 1 && /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*$/.test(text.slice(0, starts[1]))) {
    if (kept[1]) return undefined;
    starts.splice(1, 1);
    kept.splice(1, 1);
  }
  if (starts.length === 0) {
    starts.push(0);
    kept.push(undefined);
  }
  if (starts.length > MAX_DOCUMENTS) return undefined;
  return { starts, kept, delta, from, toOld, to };
}

export function parseFile(text: string, previous?: ParsedFile, options: ParseOptions = {}): ParsedFile {
  const steps = parseSteps(text, previous, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `parseFile` one document at a time: the parse pauses after each document it reads, so that a
 * shell can answer other requests between them (the language server, on a stream of thousands of
 * documents). A parse given up halfway leaves `previous` unusable: its documents may have moved.
 */
export function* parseSteps(text: string, previous?: ParsedFile, options: ParseOptions = {}): Generator<void, ParsedFile> {
  if (text.length > MAX_TEXT_LENGTH) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    return refused(text, new LineIndex(text), 'TOO_LARGE', `The file is ${mb(text.length)} MB; files over ${mb(MAX_TEXT_LENGTH)} MB are not read (an event file is a few KB).`);
  }
  // An edit whose place is known: only the part it changed is looked at (editedBounds).
  const edited = previous && options.unchanged ? editedBounds(text, previous, options.unchanged) : undefined;
  // YAML 1.2 counts a lone CR as a line break; the parser does not. Same length, same offsets.
  const cr = edited ? false : text.includes('\r');
  const source = cr ? text.replace(/\r(?!\n)/g, '\n') : text;
  // Directives (`%YAML`, `%TAG`) apply across documents: such streams are read whole.
  const directives = edited ? false : source.startsWith('%') || source.includes('\n%');
  yield;
  let starts = edited ? edited.starts : directives ? [0] : documentBounds(source);
  yield;
  // Past MAX_DOCUMENTS, the rest of the stream is not read; the last document read says so.
  const unread = starts.length > MAX_DOCUMENTS ? starts[MAX_DOCUMENTS] : -1;
  if (unread >= 0) starts = starts.slice(0, MAX_DOCUMENTS);
  const bounds = starts.map((from, i) => [from, i + 1 < starts.length ? starts[i + 1] : unread >= 0 ? unread : source.length] as const);
  yield;
  // Reuse: the unchanged documents at the start and at the end of the previous version.
  const old = previous && !directives && !edited ? SEGMENTS.get(previous) : undefined;
  const segments: Segment[] = new Array(bounds.length);
  const fresh: boolean[] = new Array(bounds.length).fill(true);
  let lines: LineIndex | undefined;
  if (edited && previous) {
    for (let i = 0; i < bounds.length; i++) {
      if ((i & 1023) === 0) yield;
      const o = edited.kept[i];
      if (!o) continue;
      const [from, to] = bounds[i];
      if (from !== o.from) for (const d of o.docs) shiftDocument(d, from - o.from);
      segments[i] = from === o.from ? o : { from, to, docs: o.docs, clean: o.clean };
      fresh[i] = false;
    }
    lines = LineIndex.spliced(previous.lines, text, edited.from, edited.toOld, edited.to);
  }
  if (old && previous) {
    const same = (o: Segment, from: number, to: number) =>
      o.to - o.from === to - from && previous.text.slice(o.from, o.to) === source.slice(from, to);
    let a = 0;
    while (a < old.length && a < bounds.length && old[a].from === bounds[a][0] && same(old[a], bounds[a][0], bounds[a][1])) {
      segments[a] = old[a];
      fresh[a] = false;
      a++;
      if ((a & 1023) === 0) yield;
    }
    let z = 0;
    for (let b = 1; b <= Math.min(old.length, bounds.length) - a; b++) {
      if ((b & 1023) === 0) yield;
      const o = old[old.length - b];
      const [from, to] = bounds[bounds.length - b];
      if (!same(o, from, to)) break;
      for (const d of o.docs) shiftDocument(d, from - o.from);
      segments[bounds.length - b] = { from, to, docs: o.docs, clean: o.clean };
      fresh[bounds.length - b] = false;
      z = b;
    }
    if (a > 0 || z > 0) {
      // Lines: copied from the previous version around the part that changed, [from, to) (was [from, prevTo)).
      const from = a < bounds.length ? bounds[a][0] : source.length;
      const to = z > 0 ? bounds[bounds.length - z][0] : source.length;
      const prevTo = z > 0 ? old[old.length - z].from : previous.text.length;
      lines = LineIndex.spliced(previous.lines, text, from, prevTo, to);
    }
  }
  lines ??= new LineIndex(text);
  yield;
  // Most texts are clean throughout: one native scan when most documents are new, not one a
  // document; an edit of a long stream scans only the documents it made new.
  let news = 0;
  for (let i = 0; i < fresh.length && news <= 64; i++) if (fresh[i]) news++;
  const allClean = news > 64 && printable(text);
  for (let i = 0; i < bounds.length; i++) {
    if (!fresh[i]) continue;
    if ((i & 1023) === 0) yield;
    const [from, to] = bounds[i];
    segments[i] = { from, to, docs: [], clean: allClean || printable(from === 0 && to === source.length ? text : text.slice(from, to)) };
  }
  const binary = segments.every((x) => x.clean) ? undefined : notPrintable(text);
  try {
    for (let i = 0; i < bounds.length; i++) {
      const seg = segments[i];
      if (!fresh[i]) continue;
      yield;
      const [from, to] = bounds[i];
      if (options.documentLimit && to - from > options.documentLimit.chars) {
        seg.docs = [refusedDocument(text, lines, from, to, 'DOCUMENT_TOO_LARGE', options.documentLimit.message(to - from), from)];
        continue;
      }
      const long = longLine(lines, from, to);
      if (long >= 0) {
        const length = lines.lineContentEnd(lines.position(long).line) - long;
        seg.docs = [
          refusedDocument(text, lines, from, to, 'LINE_TOO_LONG', `This line is ${count(length)} characters long; a document with a line over ${count(MAX_LINE_LENGTH)} characters is not read (an event's longest line is a quote of a few hundred).`, long, long + Math.min(length, 80)),
        ];
        continue;
      }
      if (seg.clean && (options.trees === 'lazy' || source.length > LAZY_TREES_ABOVE)) {
        const read = fastReadValue(source, from, to);
        if (read) {
          seg.docs = [lazyDocument(source, read.value, read.range[0], read.range[2], read.idAt)];
          continue;
        }
      }
      const fast = seg.clean ? fastParseDocument(source, from, to) : undefined;
      if (fast) {
        const [start, , end] = fast.doc.range;
        seg.docs = [{ index: 0, doc: fast.doc, value: fast.value, start, end, problems: [], idAt: fast.idAt }];
        continue;
      }
      const deep = nestingExceeds(from === 0 && to === source.length ? source : source.slice(from, to));
      if (deep >= 0) {
        return refused(text, lines, 'TOO_DEEP', `The YAML is nested more than ${MAX_NESTING} levels deep here; it is not read (an event needs about 5).`, from + deep);
      }
      seg.docs = fullParse(source, from, to);
    }
  } catch (err) {
    // The parser recurses per nesting level; absurd nesting exhausts the stack. Report, never crash.
    const doc = parseDocument('', PARSE_OPTIONS);
    const tooDeep = err instanceof RangeError;
    const message = tooDeep
      ? 'The YAML is nested too deeply to be read (the parser ran out of stack).'
      : `The YAML could not be read: ${err instanceof Error ? err.message : String(err)}`;
    return {
      text,
      lines,
      docs: [{ index: 0, doc, value: undefined, start: 0, end: text.length, problems: [{ code: tooDeep ? 'TOO_DEEP' : 'PARSE_FAILED', message, start: 0, end: Math.min(text.length, lines.lineContentEnd(0)), severity: 'error' }] }],
    };
  }
  // Collections over MAX_ENTRIES: the document is not checked (found on the fresh ones; reused ones were checked before).
  for (let i = 0; i < segments.length; i++) {
    if (!fresh[i]) continue;
    if ((i & 1023) === 0) yield;
    const seg = segments[i];
    seg.docs = seg.docs.map((d) => (d.problems.length && d.value === undefined ? d : (tooManyEntries(text, lines, d) ?? d)));
  }
  const docs: ParsedDocument[] = [];
  for (const seg of segments) {
    for (const d of seg.docs) {
      d.index = docs.length;
      if (d instanceof LazyDocument) d.source = source;
      docs.push(d);
      // Reused documents may carry the previous version's notices (unread documents, not text).
      if (d.problems.length && d.problems.some((p) => p.code === 'TOO_MANY_DOCUMENTS' || p.code === 'NOT_TEXT')) d.problems = d.problems.filter((p) => p.code !== 'TOO_MANY_DOCUMENTS' && p.code !== 'NOT_TEXT');
    }
    if ((docs.length & 4095) === 0) yield;
  }
  // An empty stream still yields one (empty) document so that "the file is empty" can be reported.
  if (docs.length === 0) {
    const d = parseDocument('', PARSE_OPTIONS);
    docs.push({ index: 0, doc: d, value: null, start: 0, end: text.length, problems: [] });
  }
  if (unread >= 0) {
    const last = docs[docs.length - 1];
    const more = documentBounds(source.slice(unread)).length;
    const end = Math.min(text.length, lines.lineContentEnd(lines.position(unread).line));
    last.problems = [
      ...last.problems,
      { code: 'TOO_MANY_DOCUMENTS', message: `The stream holds more than ${count(MAX_DOCUMENTS)} documents; the ${count(more)} from here on are not read (a stream of events holds a few thousand).`, start: unread, end, severity: 'error' },
    ];
  }
  // Not text: one finding, on the first such character, in the document that holds it.
  if (binary) {
    const d = docs.find((x) => binary.start >= x.start && binary.start < x.end) ?? docs[docs.length - 1] ?? docs[0];
    if (d) d.problems.unshift(binary);
  }
  const file = { text, lines, docs };
  SEGMENTS.set(file, segments);
  WHOLE.set(file, { cr, directives });
  return file;
}

/** Where a JSON pointer lands in a document's tree. */
export interface Located {
  /** The value node at the pointer, if it exists. */
  node?: YamlNode;
  /** The key node when the value is a mapping entry. */
  key?: YamlNode;
  /** The pair holding key and value, when the value is a mapping entry. */
  pair?: Pair;
  /** The deepest existing node on the way (the pointer itself when `exact`). */
  deepest: YamlNode | undefined;
  deepestKey?: YamlNode;
  /** True when every segment of the pointer was found. */
  exact: boolean;
}

function deref(doc: Document.Parsed, node: unknown): YamlNode | undefined {
  if (isAlias(node)) {
    const target = node.resolve(doc);
    return (target as YamlNode | undefined) ?? undefined;
  }
  return (node as YamlNode | undefined) ?? undefined;
}

/** Key of a pair as plain text, for comparison with pointer segments. */
export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

/** Mappings longer than this get an index of their keys the first time a pointer goes through them. */
const INDEX_KEYS_ABOVE = 16;
const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/**
 * The entry of a mapping with the given key; the last one when the key is written twice (as in
 * toJS). Long mappings are indexed once, so that placing a finding on each of their n keys costs n,
 * not n² (trees are not changed after they are read; an edit is a new parse).
 */
function pairFor(map: YAMLMap, key: string): Pair | undefined {
  const items = map.items as Pair[];
  if (items.length <= INDEX_KEYS_ABOVE) {
    let found: Pair | undefined;
    for (const p of items) if (keyText(p.key) === key) found = p;
    return found;
  }
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of items) {
      const k = keyText(p.key);
      if (k !== undefined) index.set(k, p);
    }
    keyIndexes.set(map, index);
  }
  return index.get(key);
}

export function locate(doc: Document.Parsed, pointer: string): Located {
  const segs = parsePointer(pointer);
  let node = deref(doc, doc.contents);
  let key: YamlNode | undefined;
  let pair: Pair | undefined;
  let deepest: YamlNode | undefined = node;
  let deepestKey: YamlNode | undefined;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    let next: YamlNode | undefined;
    let nextKey: YamlNode | undefined;
    let nextPair: Pair | undefined;
    if (isMap(node)) {
      const p = pairFor(node as YAMLMap, seg);
      if (!p) return { deepest, deepestKey, exact: false };
      nextPair = p;
      nextKey = p.key as YamlNode;
      next = deref(doc, p.value);
    } else if (isSeq(node)) {
      const idx = /^(0|[1-9][0-9]*)$/.test(seg) ? Number(seg) : -1;
      if (idx < 0 || idx >= node.items.length) return { deepest, deepestKey, exact: false };
      next = deref(doc, node.items[idx]);
    } else {
      return { deepest, deepestKey, exact: false };
    }
    node = next;
    key = nextKey;
    pair = nextPair;
    if (next) {
      deepest = next;
      deepestKey = nextKey;
    } else if (nextKey) {
      // `key:` with no value: the key is the deepest thing that exists.
      deepestKey = nextKey;
      deepest = undefined;
      return { node: undefined, key, pair, deepest, deepestKey, exact: i === segs.length - 1 };
    }
  }
  return { node, key, pair, deepest, deepestKey, exact: true };
}

export function nodeRange(node: YamlNode | undefined): [number, number] | undefined {
  const r = (node as ParsedNode | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** What sits at an offset: the pointer of the innermost value and whether the offset is on its key. */
export interface PathAt {
  pointer: string;
  segments: (string | number)[];
  onKey: boolean;
  node?: YamlNode;
  key?: YamlNode;
}

export function pathAt(doc: Document.Parsed, offset: number): PathAt | undefined {
  const segs: (string | number)[] = [];
  let node = doc.contents as YamlNode | null;
  let result: PathAt | undefined;
  const within = (n: unknown, inclusiveEnd = true) => {
    const r = (n as ParsedNode | undefined)?.range;
    return !!r && offset >= r[0] && (inclusiveEnd ? offset <= r[1] : offset < r[1]);
  };
  if (!node || !within(node)) return undefined;
  result = { pointer: '', segments: [], onKey: false, node };
  for (let depth = 0; depth < 10000 && node; depth++) {
    let advanced = false;
    if (isMap(node)) {
      for (const p of node.items) {
        if (!isPair(p)) continue;
        if (within(p.key)) {
          const k = keyText(p.key) ?? '';
          return { pointer: formatPointer([...segs, k]), segments: [...segs, k], onKey: true, node: p.value as YamlNode, key: p.key as YamlNode };
        }
        if (p.value && within(p.value)) {
          const k = keyText(p.key) ?? '';
          segs.push(k);
          node = p.value as YamlNode;
          result = { pointer: formatPointer(segs), segments: [...segs], onKey: false, node, key: p.key as YamlNode };
          advanced = true;
          break;
        }
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i];
        if (within(item)) {
          segs.push(i);
          node = item as YamlNode;
          result = { pointer: formatPointer(segs), segments: [...segs], onKey: false, node };
          advanced = true;
          break;
        }
      }
    }
    if (!advanced) break;
  }
  return result;
}
