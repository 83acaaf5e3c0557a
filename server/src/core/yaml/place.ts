/** Turns JSON pointers into exact text ranges: on a key, on a value, or on a parent's key. */
import { type Node as YamlNode, isCollection, isMap, isPair, isScalar } from 'yaml';
import type { ParsedDocument, ParsedFile } from './parse';
import { locate, nodeRange } from './parse';
import { formatPointer, parsePointer } from '../base/pointer';

export type Anchor = 'key' | 'value' | 'parent-key';

/** The first line of a node: a collection spanning many lines is marked on its first line only. */
function firstLine(file: ParsedFile, start: number, end: number): [number, number] {
  const line = file.lines.position(start).line;
  const lineEnd = file.lines.lineContentEnd(line);
  return [start, Math.max(start, Math.min(end, lineEnd))];
}

function keyRange(key: YamlNode | undefined): [number, number] | undefined {
  return nodeRange(key);
}

function valueRange(file: ParsedFile, node: YamlNode | undefined, key: YamlNode | undefined): [number, number] | undefined {
  const r = nodeRange(node);
  if (!r) return keyRange(key);
  if (isCollection(node)) {
    // A collection on one line (`[]`, `{a: 1}`) is marked itself; a block spanning lines by its key,
    // or by its first line when it has none.
    if (file.lines.position(r[0]).line === file.lines.position(r[1]).line) return r;
    return keyRange(key) ?? firstLine(file, r[0], r[1]);
  }
  if (isScalar(node) && r[1] === r[0]) return keyRange(key) ?? r;
  return r;
}

/** The first key of a mapping (marks "this item" for list items, "this document" for the root). */
function firstKeyRange(file: ParsedFile, node: YamlNode | undefined): [number, number] | undefined {
  if (isMap(node)) {
    const p = node.items.find((i) => isPair(i));
    const r = p ? nodeRange(p.key as YamlNode) : undefined;
    if (r) return r;
  }
  const r = nodeRange(node);
  return r ? firstLine(file, r[0], r[1]) : undefined;
}

function docStart(file: ParsedFile, doc: ParsedDocument): [number, number] {
  const r = nodeRange(doc.doc.contents as YamlNode | undefined);
  if (r) return firstLine(file, r[0], r[1]);
  return firstLine(file, Math.min(doc.start, file.text.length), doc.end);
}

export function rangeForPointer(file: ParsedFile, doc: ParsedDocument, pointer: string, at: Anchor = 'value'): [number, number] {
  if (at === 'parent-key') {
    const segs = parsePointer(pointer);
    const parent = formatPointer(segs.slice(0, -1));
    const loc = locate(doc.doc, parent);
    if (parent === '') return firstKeyRange(file, loc.node) ?? docStart(file, doc);
    if (loc.exact && loc.key) return keyRange(loc.key) ?? docStart(file, doc);
    if (loc.exact && loc.node) return firstKeyRange(file, loc.node) ?? docStart(file, doc);
    return keyRange(loc.deepestKey) ?? firstKeyRange(file, loc.deepest) ?? docStart(file, doc);
  }
  const loc = locate(doc.doc, pointer);
  if (loc.exact) {
    if (at === 'key' && loc.key) return keyRange(loc.key)!;
    const r = valueRange(file, loc.node, loc.key);
    if (r) return r;
  }
  return keyRange(loc.deepestKey) ?? (loc.deepest ? valueRange(file, loc.deepest, undefined) : undefined) ?? docStart(file, doc);
}
