/**
 * YAML text → documents with exact source ranges. Parsing happens once per text (per document
 * version in the language server); every feature shares the result.
 */
import {
  type Document,
  type Node as YamlNode,
  type ParsedNode,
  type Pair,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  parseDocument,
  visit,
} from 'yaml';
import { LineIndex } from './text';
import { formatPointer, parsePointer } from './pointer';

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

/** Texts longer than this (UTF-16 code units, about 10 MB) are refused unread: an event file is a few KB. */
export const MAX_TEXT_LENGTH = 10 * 1024 * 1024;

/**
 * Nesting deeper than this is refused before parsing: the parser recurses once per level, so absurd
 * nesting costs seconds and can exhaust the stack (even abort the process). An event needs about 5.
 */
export const MAX_NESTING = 128;

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

function notPrintable(text: string): SyntaxProblem | undefined {
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

export function parseFile(text: string): ParsedFile {
  const lines = new LineIndex(text);
  if (text.length > MAX_TEXT_LENGTH) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    return refused(text, lines, 'TOO_LARGE', `The file is ${mb(text.length)} MB; files over ${mb(MAX_TEXT_LENGTH)} MB are not read (an event file is a few KB).`);
  }
  const deep = nestingExceeds(text);
  if (deep >= 0) {
    return refused(text, lines, 'TOO_DEEP', `The YAML is nested more than ${MAX_NESTING} levels deep here; it is not read (an event needs about 5).`, deep);
  }
  const binary = notPrintable(text);
  let stream: ReturnType<typeof parseAllDocuments>;
  try {
    // YAML 1.2 counts a lone CR as a line break; the parser does not. Same length, same offsets.
    const source = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
    stream = parseAllDocuments(source, PARSE_OPTIONS);
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
  const docs: ParsedDocument[] = [];
  const list = (Array.isArray(stream) ? stream : []) as Document.Parsed[];
  list.forEach((doc, index) => {
    const problems: SyntaxProblem[] = [];
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
    docs.push({ index, doc, value, start, end, problems });
  });
  // An empty stream still yields one (empty) document so that "the file is empty" can be reported.
  if (docs.length === 0) {
    const d = parseDocument('', PARSE_OPTIONS);
    docs.push({ index: 0, doc: d, value: null, start: 0, end: text.length, problems: [] });
  }
  // Not text: one finding, on the first such character, in the document that holds it.
  if (binary) {
    const d = docs.find((x) => binary.start >= x.start && binary.start < x.end) ?? docs[docs.length - 1] ?? docs[0];
    if (d) d.problems.unshift(binary);
  }
  return { text, lines, docs };
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
      // Last duplicate wins, as in toJS.
      for (const p of node.items) {
        if (keyText(p.key) === seg) {
          nextPair = p as Pair;
          nextKey = p.key as YamlNode;
          next = deref(doc, p.value);
        }
      }
      if (!nextPair) return { deepest, deepestKey, exact: false };
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
