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

export function parseFile(text: string): ParsedFile {
  const lines = new LineIndex(text);
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
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
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
