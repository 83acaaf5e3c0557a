/**
 * A draft added to an existing event as one more source, by minimal text edits: the source is
 * appended to `sources`; its figures to the slots of the seizure of the same drug (a slot written
 * as one figure becomes a list holding that figure, as written, and the new one); its date claim to
 * `date`; its arrests to `arrests`; a drug the event does not hold yet becomes a new seizure.
 * Everything else — comments, key order, layout, the other values — is kept byte for byte, so that
 * the consistency rules can then show where the new source disagrees. Pure: text in, text out.
 */
import { type Node as YamlNode, isMap, isScalar, isSeq } from 'yaml';
import { parseFile } from '../yaml/parse';
import { locate, nodeRange } from '../yaml/parse';
import type { TextEdit } from '../base/types';
import type { Draft } from './extract';
import { inline, seizureLines, sourceLines } from './render';

export interface IntoResult {
  /** The event file's new text. */
  text: string;
  /** The edits that make it, on the text as given. */
  edits: TextEdit[];
  /** The new source's id (made unique in the event). */
  sourceId: string;
  /** What was added, in words ("a weight of the seizure of captagon"). */
  added: string[];
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Adds the draft's source and claims to the event in `text` (its first document). Throws with a message the shell shows when it cannot. */
export function addDraftToEvent(text: string, draft: Draft): IntoResult {
  const file = parseFile(text);
  const doc = file.docs[0];
  if (!doc || doc.problems.some((p) => p.severity === 'error') || !isObj(doc.value)) throw new Error('the event file does not parse as one event; fix it first (haulcheck check names the problem).');
  const event = doc.value;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const sources = Array.isArray(event.sources) ? event.sources.filter(isObj) : [];
  const draftSource = (draft.event.sources as Record<string, unknown>[])[0];
  if (draftSource.url && sources.some((s) => s.url === draftSource.url)) throw new Error(`the event already has a source with the address ${String(draftSource.url)}.`);
  // A source id the event does not use yet.
  const taken = new Set(sources.map((s) => String(s.id)));
  const base = String(draftSource.id);
  let sourceId = base;
  for (let n = 2; taken.has(sourceId); n++) sourceId = `${base}-${n}`;
  const retag = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v), (k, x) => (k === "source" && x === base ? sourceId : x)) as T));

  const edits: TextEdit[] = [];
  const added: string[] = [];
  const lineEnd = (at: number) => {
    const i = text.indexOf('\n', at);
    return i < 0 ? text.length : text[i - 1] === '\r' ? i - 1 : i;
  };
  const lineStart = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  /** The start of the line after the one of `at` (0 when there is none). */
  const nextLine = (at: number) => text.indexOf('\n', at) + 1;
  const column = (at: number) => at - lineStart(at);
  const node = (pointer: string) => locate(doc.doc, pointer);

  /** Appends lines after the block sequence at `pointer` (its items' indentation). */
  const appendToBlockSeq = (seq: YamlNode, lines: (indent: string) => string[]): boolean => {
    if (!isSeq(seq) || seq.flow || seq.items.length === 0) return false;
    const first = nodeRange(seq.items[0] as YamlNode);
    const last = nodeRange(seq.items[seq.items.length - 1] as YamlNode);
    if (!first || !last) return false;
    // The dash of the first item is two columns before its value ("- {value…}", "- drug: …").
    const dash = text.lastIndexOf('-', first[0]);
    const indent = ' '.repeat(column(dash));
    const at = lineEnd(last[1] > last[0] ? last[1] - 1 : last[1]);
    edits.push({ start: at, end: at, newText: eol + lines(indent).join(eol) });
    return true;
  };

  /** Adds one item to the list, or the one value, at `pointer` (a key of a mapping at `mapPointer`); makes a list of a single value. */
  const addItem = (mapPointer: string, key: string, item: Record<string, unknown>): void => {
    const at = node(`${mapPointer}/${key}`);
    const owner = node(mapPointer);
    if (!owner.exact || !isMap(owner.node)) throw new Error(`${mapPointer || 'the event'} is not a mapping.`);
    if (!at.exact || at.node === undefined || (isScalar(at.node) && at.node.value === null)) {
      if (at.exact && at.node !== undefined) {
        // `date: null` → the claim.
        const r = nodeRange(at.node)!;
        edits.push({ start: r[0], end: r[1], newText: inline(item, key) });
        return;
      }
      // No such key: a new line after the mapping's last entry, at its keys' indentation.
      const pairs = owner.node.items;
      const firstKey = nodeRange(pairs[0]?.key as YamlNode);
      const lastPair = pairs[pairs.length - 1];
      const end = nodeRange((lastPair?.value ?? lastPair?.key) as YamlNode);
      if (!firstKey || !end || owner.node.flow) throw new Error(`cannot add ${key} to ${mapPointer || 'the event'}: it is not a block mapping.`);
      const pos = lineEnd(end[1] > end[0] ? end[1] - 1 : end[1]);
      edits.push({ start: pos, end: pos, newText: `${eol}${' '.repeat(column(firstKey[0]))}${key}: ${inline(item, key)}` });
      return;
    }
    const value = at.node;
    if (isSeq(value)) {
      if (!value.flow && appendToBlockSeq(value, (indent) => [`${indent}- ${inline(item)}`])) return;
      // A list in brackets: before its closing bracket.
      const r = nodeRange(value)!;
      const close = text.lastIndexOf(']', r[1]);
      edits.push({ start: close, end: close, newText: `${value.items.length ? ', ' : ''}${inline(item)}` });
      return;
    }
    // One value: a list of it, as written (its comments kept on its lines), and the new one.
    const r = nodeRange(value)!;
    const keyEnd = text.indexOf(':', nodeRange(at.key)![1]) + 1;
    const lastLine = lineEnd(r[1] > r[0] ? r[1] - 1 : r[1]);
    if (text.slice(r[0], r[1]).includes('\n') && isMap(value) && !value.flow) {
      // A block mapping: a dash before its first key, its other lines two columns further in.
      const inner = column(r[0]);
      edits.push({ start: r[0], end: r[0], newText: '- ' });
      for (let ls = nextLine(r[0]); ls > 0 && ls <= lastLine; ls = nextLine(ls)) {
        const lead = /^ */.exec(text.slice(ls, ls + inner + 1))![0].length;
        if (lead >= inner && !/^[ \t]*\r?$/.test(text.slice(ls, lineEnd(ls)))) edits.push({ start: ls + inner, end: ls + inner, newText: '  ' });
      }
      edits.push({ start: lastLine, end: lastLine, newText: `${eol}${' '.repeat(inner)}- ${inline(item)}` });
      return;
    }
    const indent = ' '.repeat(column(nodeRange(at.key)![0]) + 2);
    edits.push({ start: keyEnd, end: r[0], newText: `${eol}${indent}- ` });
    edits.push({ start: lastLine, end: lastLine, newText: `${eol}${indent}- ${inline(item)}` });
  };

  // The claims of the draft's seizures, to the seizures of the same drug.
  const seizures = Array.isArray(event.seizures) ? event.seizures : [];
  for (const s of (draft.event.seizures as Record<string, unknown>[]).map(retag)) {
    const i = seizures.findIndex((x) => isObj(x) && x.drug === s.drug);
    if (i < 0) {
      const seq = node('/seizures');
      if (seq.exact && seq.node && appendToBlockSeq(seq.node, (indent) => seizureLines(s, indent))) {
        added.push(`a seizure of ${String(s.drug)}`);
        continue;
      }
      if (seq.exact && isSeq(seq.node) && seq.node.items.length === 0) {
        const r = nodeRange(seq.node)!;
        const keyStart = nodeRange(seq.key)![0];
        edits.push({ start: r[0], end: r[1], newText: eol + seizureLines(s, ' '.repeat(column(keyStart) + 2)).join(eol) });
        added.push(`a seizure of ${String(s.drug)}`);
        continue;
      }
      throw new Error('the event has no block list of seizures to add to.');
    }
    for (const slot of ['count', 'weight', 'street_value'] as const) {
      const v = s[slot];
      if (v === undefined) continue;
      for (const f of Array.isArray(v) ? v : [v]) addItem(`/seizures/${i}`, slot, f as Record<string, unknown>);
      added.push(`${slot === 'street_value' ? 'a street value' : `the ${slot}`} of the seizure of ${String(s.drug)}`);
    }
  }
  const claim = retag(draft.event.date);
  if (isObj(claim)) {
    addItem('', 'date', claim);
    added.push('a date claim');
  }
  const arrests = retag(draft.event.arrests);
  if (isObj(arrests)) {
    addItem('', 'arrests', arrests);
    added.push('the arrests');
  }
  const seq = node('/sources');
  if (!seq.exact || !seq.node || !appendToBlockSeq(seq.node, (indent) => sourceLines({ ...draftSource, id: sourceId }, indent))) throw new Error('the event has no block list of sources to add to.');
  added.push(`the source ${sourceId}`);

  // Apply from the end: offsets of earlier edits stay valid; of two insertions at one place, the
  // later one first, so that they read in the order they were made.
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.e.end - a.e.end || b.i - a.i).map(({ e }) => e);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return { text: out, edits, sourceId, added };
}
