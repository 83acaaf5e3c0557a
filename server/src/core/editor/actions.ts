/**
 * Quick-fixes computed for findings whose rules offer none themselves (schema/enum, schema/type,
 * schema/required, schema/additionalProperties, figures/tablet-mass, figures/source-conflict,
 * sources/unknown), a suppression comment for any finding, exact unit conversions on weights, and
 * "fix all safe problems". Every fix is a minimal text edit: comments and layout elsewhere stay.
 */
import { distance } from 'fastest-levenshtein';
import { type Node as YamlNode, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { DatasetContext } from '../model/dataset';
import { bandOf, docAt, innerRange, isObj } from './editor';
import { type CheckOptions, checkParsed } from '../rules/engine';
import { applyFixes } from '../rules/fixes';
import { type Figure, KG_PER_UNIT, figuresOf, slotsOf } from '../model/event';
import { readNumbers } from '../read/numbers';
import { keyText, locate, nodeRange, pathAt, parseFile, type ParsedDocument, type ParsedFile } from '../yaml/parse';
import { parsePointer } from '../base/pointer';
import { BUILTIN_SCHEMAS, type JsonSchema, resolveLocalRef, schemasAt } from '../schema/schemas';
import type { FileKind, Finding, Fix, TextEdit } from '../base/types';
import { formatNumber } from '../base/format';

const eol = (file: ParsedFile) => (file.text.includes('\r\n') ? '\r\n' : '\n');

function lineStartOf(file: ParsedFile, offset: number): number {
  return file.lines.lineStarts[file.lines.position(offset).line];
}

/** The offset just after the line that holds `offset - 1` (its line break included). */
function afterLine(file: ParsedFile, offset: number): { at: number; needsBreak: boolean } {
  const line = file.lines.position(Math.max(0, offset - 1)).line;
  if (line + 1 < file.lines.lineCount) return { at: file.lines.lineStarts[line + 1], needsBreak: false };
  return { at: file.text.length, needsBreak: !/[\r\n]$/.test(file.text) };
}

/**
 * An edit adding `lines` (already formatted, without indentation) as new entries of the mapping at
 * `pointer`: new lines after its last entry at the same indentation (block), or `, a: b` (flow).
 */
function insertIntoMap(file: ParsedFile, doc: ParsedDocument, pointer: string, key: string, blockValue: string[], flowValue: string): TextEdit | undefined {
  const node = pointer === '' ? (doc.doc.contents as YamlNode | null) : locate(doc.doc, pointer).node;
  if (!isMap(node)) return undefined;
  const r = nodeRange(node);
  if (!r) return undefined;
  const nl = eol(file);
  if (node.flow) {
    let close = r[1] - 1;
    while (close > r[0] && file.text[close] !== '}') close--;
    let last = close;
    while (last > r[0] && /\s/.test(file.text[last - 1])) last--;
    const empty = file.text[last - 1] === '{';
    return { start: last, end: last, newText: `${empty ? '' : ', '}${key}: ${flowValue}` };
  }
  const pairs = node.items.filter(isPair);
  if (!pairs.length) return undefined;
  const firstKey = nodeRange(pairs[0].key as YamlNode);
  if (!firstKey) return undefined;
  const indent = ' '.repeat(file.lines.position(firstKey[0]).character);
  const lastPair = pairs[pairs.length - 1];
  const end = nodeRange(lastPair.value as YamlNode)?.[1] ?? nodeRange(lastPair.key as YamlNode)![1];
  const { at, needsBreak } = afterLine(file, end);
  const body = blockValue.length === 1 ? [`${indent}${key}: ${blockValue[0]}`] : [`${indent}${key}:`, ...blockValue.map((l) => indent + l)];
  return { start: at, end: at, newText: (needsBreak ? nl : '') + body.join(nl) + (needsBreak ? '' : nl) };
}

/** An edit adding an item (block lines, first line starting with `- `) to the list at `pointer`. */
function appendToList(file: ParsedFile, doc: ParsedDocument, pointer: string, item: string[]): TextEdit | undefined {
  const node = locate(doc.doc, pointer).node;
  if (!isSeq(node) || node.flow || node.items.length === 0) return undefined;
  const first = nodeRange(node.items[0] as YamlNode);
  const last = nodeRange(node.items[node.items.length - 1] as YamlNode);
  if (!first || !last) return undefined;
  const col = file.lines.position(first[0]).character; // the item's content column, after `- `
  const dash = ' '.repeat(Math.max(0, col - 2));
  const nl = eol(file);
  const { at, needsBreak } = afterLine(file, last[1]);
  const lines = item.map((l, i) => (i === 0 ? dash + l : dash + '  ' + l));
  return { start: at, end: at, newText: (needsBreak ? nl : '') + lines.join(nl) + (needsBreak ? '' : nl) };
}

// ---------------------------------------------------------------------------------------------
// Per rule

function expand(root: JsonSchema, list: JsonSchema[]): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const s of list) {
    out.push(s);
    if (typeof s.$ref === 'string') {
      const r = resolveLocalRef(root, s.$ref);
      if (r) out.push(r);
    }
  }
  return out;
}

/** A placeholder for a missing key that keeps the file valid-looking: null, [], {}, an enum's first value, or TODO. */
function skeletonValue(kind: FileKind, segs: string[]): { block: string; flow: string } {
  const root = BUILTIN_SCHEMAS[kind];
  const schemas = expand(root, schemasAt(root, segs));
  const types = new Set(schemas.flatMap((s) => (Array.isArray(s.type) ? s.type : typeof s.type === 'string' ? [s.type] : [])));
  const en = schemas.find((s) => Array.isArray(s.enum))?.enum as unknown[] | undefined;
  const anyOfNull = schemas.some((s) => Array.isArray(s.anyOf) && (s.anyOf as JsonSchema[]).some((b) => b.type === 'null'));
  let v: string;
  if (types.has('null') || anyOfNull || en?.includes(null)) v = 'null';
  else if (en?.length) v = String(en[0]);
  else if (types.has('array')) v = '[]';
  else if (types.has('object')) v = '{}';
  else if (types.has('string')) v = 'TODO';
  else if (types.has('number') || types.has('integer')) v = '0';
  else v = 'null';
  return { block: v, flow: v };
}

function docOf(file: ParsedFile, f: Finding): ParsedDocument | undefined {
  return file.docs[f.docIndex] ?? file.docs[0];
}

function enumFix(file: ParsedFile, doc: ParsedDocument, f: Finding): Fix[] {
  const node = locate(doc.doc, f.pointer).node;
  if (!isScalar(node) || typeof node.value !== 'string') return [];
  const allowed = (Array.isArray(f.data?.allowed) ? f.data!.allowed : []).filter((x): x is string => typeof x === 'string');
  let s = typeof f.data?.suggestion === 'string' ? f.data.suggestion : undefined;
  if (!s && allowed.length) {
    const v = node.value.toLowerCase();
    s = allowed.map((a) => ({ a, d: distance(v, a.toLowerCase()) })).sort((x, y) => x.d - y.d)[0].a;
    if (distance(v, s.toLowerCase()) > Math.max(2, Math.floor(v.length / 2))) s = undefined;
  }
  const r = innerRange(file, node);
  if (!s || !r) return [];
  return [{ title: `Change "${node.value}" to "${s}"`, safety: 'safe', edits: [{ start: r[0], end: r[1], newText: s }] }];
}

function numberFix(file: ParsedFile, doc: ParsedDocument, f: Finding): Fix[] {
  const expected = String(f.data?.expected ?? '');
  if (!/number|integer/.test(expected)) return [];
  const node = locate(doc.doc, f.pointer).node;
  if (!isScalar(node) || typeof node.value !== 'string') return [];
  const text = node.value.trim();
  const values = new Set(readNumbers(text, 'en').filter((r) => r.start === 0 && r.end === text.length && r.unit === undefined).map((r) => r.value));
  if (values.size !== 1) return [];
  const n = [...values][0];
  if (/integer/.test(expected) && !Number.isInteger(n)) return [];
  const r = nodeRange(node);
  if (!r) return [];
  const out = Number.isInteger(n) ? n.toFixed(0) : String(n);
  return [{ title: `Write "${node.value}" as the number ${out}`, safety: 'safe', edits: [{ start: r[0], end: r[1], newText: out }] }];
}

function requiredFix(file: ParsedFile, doc: ParsedDocument, f: Finding, kind: FileKind): Fix[] {
  const key = f.data?.missingProperty;
  if (typeof key !== 'string') return [];
  // the finding's pointer is the key that is missing (`/a/b`) or the mapping that lacks it
  const segs = parsePointer(f.pointer);
  const parent = segs[segs.length - 1] === key ? segs.slice(0, -1) : segs;
  const parentPointer = parent.length ? '/' + parent.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/') : '';
  const v = skeletonValue(kind, [...parent, key]);
  const edit = insertIntoMap(file, doc, parentPointer, key, [v.block], v.flow);
  return edit ? [{ title: `Add the missing key "${key}: ${v.block}"`, safety: 'safe', edits: [edit] }] : [];
}

function renameKeyFix(file: ParsedFile, doc: ParsedDocument, f: Finding): Fix[] {
  const s = f.data?.suggestion;
  const extra = f.data?.additionalProperty;
  if (typeof s !== 'string' || typeof extra !== 'string') return [];
  const loc = locate(doc.doc, f.pointer);
  const parent = locate(doc.doc, f.pointer.slice(0, f.pointer.lastIndexOf('/'))).node;
  if (isMap(parent) && parent.items.some((p) => isPair(p) && keyText(p.key) === s)) return [];
  const r = innerRange(file, loc.key);
  if (!r) return [];
  return [{ title: `Rename "${extra}" to "${s}"`, safety: 'safe', edits: [{ start: r[0], end: r[1], newText: s }] }];
}

/** The figure a pointer names (`/seizures/0/weight/1/value` → that weight). */
function figureAt(event: unknown, pointer: string): { figure: Figure; seizure: Record<string, unknown>; index: number } | undefined {
  const segs = parsePointer(pointer);
  if (segs[0] !== 'seizures' || !isObj(event) || !Array.isArray(event.seizures)) return undefined;
  const index = Number(segs[1]);
  const seizure = event.seizures[index];
  if (!isObj(seizure)) return undefined;
  const field = segs[2];
  const figs = figuresOf(seizure[field], `/seizures/${index}/${field}`);
  const base = segs[segs.length - 1] === 'value' ? segs.slice(0, -1) : segs;
  const p = '/' + base.join('/');
  const figure = figs.find((x) => x.pointer === p);
  return figure ? { figure, seizure, index } : undefined;
}

/**
 * Fixes for an implausible mass per tablet. None of them changes a figure a source gave: the sourced
 * values stay as reported, and the doubt is recorded under `conflicts`. Where another source's weight
 * (or count) of the same slot gives a mass inside the band, keeping it is offered; recording the
 * doubt without keeping any value always is.
 */
function tabletMassFixes(file: ParsedFile, doc: ParsedDocument, f: Finding, ctx: DatasetContext): Fix[] {
  const weightSlot = typeof f.data?.weightSlot === 'string' ? f.data.weightSlot : undefined;
  const at = figureAt(doc.value, f.pointer);
  if (!at || !weightSlot) return [];
  const { figure: weight, seizure, index } = at;
  const field = `seizures[${index}].weight`;
  const weights = figuresOf(seizure.weight, `/seizures/${index}/weight`).filter((w) => w.value !== undefined && w.source);
  const counts = figuresOf(seizure.count, `/seizures/${index}/count`).filter((c) => c.value !== undefined);
  const count = counts.find((c) => c.source === weight.source) ?? counts[0];
  const found = bandOf(ctx, typeof seizure.drug === 'string' ? seizure.drug : undefined, typeof seizure.form === 'string' ? seizure.form : undefined);
  const band = found?.band.warn ?? found?.band.error;
  const out: Fix[] = [];
  const why = `${f.message.split(';')[0]}; ${typeof f.data?.band === 'string' ? `tablets weigh ${f.data.band}` : 'outside the band'}`;
  const massOf = (w: Figure) => {
    const kg = w.value! * (KG_PER_UNIT[w.unit ?? 'kg'] ?? NaN);
    return count?.value ? (kg * 1e6) / count.value : NaN;
  };
  if (band && count) {
    for (const other of weights) {
      if (other === weight || other.source === weight.source) continue;
      const mg = massOf(other);
      if (!(mg >= band[0] && mg <= band[1])) continue;
      const item = conflictItem(field, weights, other.source!, `${describeValue(other)} (${other.source}) gives ${formatNumber(Math.round(mg))} mg a tablet, inside the usual ${formatNumber(band[0])}–${formatNumber(band[1])} mg; ${why}`);
      const edit = listOrNewKey(file, doc, 'conflicts', item);
      if (edit)
        out.push({
          title: `Keep ${other.source}'s ${describeValue(other)} (${formatNumber(Math.round(mg))} mg a tablet) and record ${weight.source ?? 'this'}'s ${describeValue(weight)} under conflicts`,
          safety: 'unsafe',
          edits: [edit],
        });
    }
  }
  const doubt = conflictItem(field, weights.length ? weights : [weight], null, `${why}; no value is kept until a source settles it`);
  const edit = listOrNewKey(file, doc, 'conflicts', doubt);
  if (edit) out.push({ title: `Record the doubt under conflicts (${field}: no value kept; the figures stay as reported)`, safety: 'unsafe', edits: [edit] });
  return out;
}

const describeValue = (fig: Figure) => `${formatNumber(fig.value!)}${fig.unit ? ' ' + fig.unit : ''}`;

function flowFigure(fig: Figure): string {
  const parts = [`value: ${fig.value}`];
  if (fig.unit) parts.push(`unit: ${fig.unit}`);
  if (fig.currency) parts.push(`currency: ${fig.currency}`);
  parts.push(`source: ${fig.source}`);
  return `{${parts.join(', ')}}`;
}

/** A `conflicts` item: the field, every source's value, the value kept (or null) and why. */
function conflictItem(field: string, figures: readonly Figure[], chosen: string | null, reason: string): string[] {
  const seen = new Set<string>();
  const values = figures.filter((x) => x.value !== undefined && x.source && !seen.has(flowFigure(x)) && seen.add(flowFigure(x)));
  return [`- field: ${field}`, 'values:', ...values.map((x) => `  - ${flowFigure(x)}`), `chosen: ${chosen ?? 'null'}`, `reason: ${JSON.stringify(reason)}`];
}

/** One fix per side of the disagreement: keep that side's value, record the others under conflicts. */
function sourceConflictFixes(file: ParsedFile, doc: ParsedDocument, f: Finding): Fix[] {
  const slotPointer = typeof f.data?.slot === 'string' ? f.data.slot : undefined;
  const field = typeof f.data?.field === 'string' ? f.data.field.replace(/ \(part .*$/, '') : undefined;
  if (!slotPointer || !field) return [];
  const slot = slotsOf(doc.value).find((x) => x.pointer === slotPointer);
  const figures = (slot?.figures ?? []).filter((x) => x.value !== undefined && x.source);
  const out: Fix[] = [];
  const kept = new Set<string>();
  for (const keep of figures) {
    if (kept.has(keep.source!)) continue;
    kept.add(keep.source!);
    const others = figures.filter((x) => x.source !== keep.source);
    if (others.length === 0) continue;
    const otherText = [...new Set(others.map((x) => `${x.source}'s ${describeValue(x)}`))].join(', ');
    const item = conflictItem(field, figures, keep.source!, `TODO: why ${keep.source}'s ${describeValue(keep)} is kept over ${otherText}`);
    const edit = listOrNewKey(file, doc, 'conflicts', item);
    if (edit) out.push({ title: `Keep ${keep.source}'s ${describeValue(keep)} and record ${otherText} under conflicts`, safety: 'unsafe', edits: [edit] });
  }
  return out;
}

/** Appends an item to a top-level list, or adds the key with that one item at the end of the document. */
function listOrNewKey(file: ParsedFile, doc: ParsedDocument, key: string, item: string[]): TextEdit | undefined {
  const existing = locate(doc.doc, `/${key}`);
  if (existing.node && isSeq(existing.node) && existing.node.items.length && !existing.node.flow) return appendToList(file, doc, `/${key}`, item);
  if (existing.pair) return undefined; // present but empty or in flow style: leave it to the maintainer
  const lines = item.map((l, i) => (i === 0 ? `  ${l}` : `    ${l}`));
  return insertBlockKey(file, doc, key, lines);
}

function insertBlockKey(file: ParsedFile, doc: ParsedDocument, key: string, lines: string[]): TextEdit | undefined {
  const root = doc.doc.contents as YamlNode | null;
  if (!isMap(root) || root.flow) return undefined;
  const pairs = root.items.filter(isPair);
  const last = pairs[pairs.length - 1];
  if (!last) return undefined;
  const end = nodeRange(last.value as YamlNode)?.[1] ?? nodeRange(last.key as YamlNode)![1];
  const nl = eol(file);
  const { at, needsBreak } = afterLine(file, end);
  return { start: at, end: at, newText: (needsBreak ? nl : '') + [`${key}:`, ...lines].join(nl) + (needsBreak ? '' : nl) };
}

function sourceStubFix(file: ParsedFile, doc: ParsedDocument, f: Finding): Fix[] {
  const id = typeof f.data?.id === 'string' ? f.data.id : undefined;
  if (!id || !/^[a-z0-9][a-z0-9_-]*$/.test(id)) return [];
  const item = [`- id: ${id}`, 'publisher: TODO', 'url: null', 'published: null', 'quotes:', '  - "TODO: the sentence this figure comes from"'];
  const edit = listOrNewKey(file, doc, 'sources', item);
  return edit ? [{ title: `Add a stub for source "${id}" under sources (publisher, date and quotes to fill in)`, safety: 'unsafe', edits: [edit] }] : [];
}

/** Fixes computed here for a finding whose rule offers none of this kind. */
export function computedFixes(file: ParsedFile, kind: FileKind, f: Finding, ctx: DatasetContext = {}): Fix[] {
  const doc = docOf(file, f);
  if (!doc) return [];
  const own = f.fixes ?? [];
  switch (f.ruleId) {
    case 'schema/enum':
      return enumFix(file, doc, f);
    case 'schema/type':
      return numberFix(file, doc, f);
    case 'schema/required':
      return requiredFix(file, doc, f, kind);
    case 'schema/additionalProperties':
      return renameKeyFix(file, doc, f);
    case 'figures/tablet-mass':
      return own.length ? [] : tabletMassFixes(file, doc, f, ctx);
    case 'figures/source-conflict':
      return own.length ? [] : sourceConflictFixes(file, doc, f);
    case 'sources/unknown':
      return sourceStubFix(file, doc, f);
    default:
      return [];
  }
}

/** `# haulcheck-disable-next-line <rule> -- <reason>` above the finding's line, indented like it. */
export function suppressionFix(file: ParsedFile, f: Finding): Fix {
  const start = lineStartOf(file, f.range.start.offset);
  const line = file.lines.lineText(f.range.start.line);
  const indent = /^[ \t]*/.exec(line)![0];
  const reason = 'TODO: why this is right';
  return {
    title: `Suppress ${f.ruleId} on this line (comment with a reason)`,
    safety: 'unsafe',
    edits: [{ start, end: start, newText: `${indent}# haulcheck-disable-next-line ${f.ruleId} -- ${reason}${eol(file)}` }],
  };
}

export interface FindingActions {
  fixes: Fix[];
  /** Index in `fixes` of the one to prefer (the first safe fix), if any. */
  preferred?: number;
}

/** Every fix for one finding: its rule's own, those computed here, then the suppression comment. */
export function actionsForFinding(file: ParsedFile, kind: FileKind, f: Finding, ctx: DatasetContext = {}): FindingActions {
  const fixes = [...(f.fixes ?? []), ...computedFixes(file, kind, f, ctx)];
  const preferred = fixes.findIndex((x) => x.safety === 'safe');
  if (!f.ruleId.startsWith('internal/') && f.ruleId !== 'suppressions/unused' && f.ruleId !== 'yaml/syntax') fixes.push(suppressionFix(file, f));
  return { fixes, preferred: preferred >= 0 ? preferred : undefined };
}

// ---------------------------------------------------------------------------------------------
// Refactors and fix-all

/** Moves the decimal point of a decimal numeral: ("1.1", 3) → "1100", ("65", -3) → "0.065". */
export function shiftDecimal(text: string, places: number): string | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  let digits = m[2] + (m[3] ?? '');
  let point = m[2].length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  let int = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const frac = digits.slice(point).replace(/0+$/, '');
  if (int === '') int = '0';
  return m[1] + int + (frac ? '.' + frac : '');
}

const TO_KG_PLACES: Readonly<Record<string, number>> = { t: 3, g: -3, mg: -6 };

/** Exact conversions of a weight figure at the cursor to kilograms ("1.1 t" → 1100 kg). Safe refactors. */
export function refactorsAt(file: ParsedFile, kind: FileKind, offset: number): Fix[] {
  if (kind !== 'event') return [];
  const doc = docAt(file, offset);
  if (!doc) return [];
  const at = pathAt(doc.doc, offset);
  if (!at) return [];
  const segs = at.segments.map(String);
  const w = segs.indexOf('weight');
  if (segs[0] !== 'seizures' || w !== 2) return [];
  const figPath = /^\d+$/.test(segs[3] ?? '') ? segs.slice(0, 4) : segs.slice(0, 3);
  const map = locate(doc.doc, '/' + figPath.join('/')).node;
  if (!isMap(map)) return [];
  const valueNode = map.get('value', true) as YamlNode | undefined;
  const unitNode = map.get('unit', true) as YamlNode | undefined;
  if (!isScalar(valueNode) || !isScalar(unitNode) || typeof unitNode.value !== 'string') return [];
  const places = TO_KG_PLACES[unitNode.value];
  const vr = nodeRange(valueNode);
  const ur = innerRange(file, unitNode);
  if (places === undefined || !vr || !ur || typeof valueNode.value !== 'number') return [];
  const shifted = shiftDecimal(file.text.slice(vr[0], vr[1]), places);
  if (!shifted) return [];
  return [
    {
      title: `Convert ${file.text.slice(vr[0], vr[1])} ${unitNode.value} to ${formatNumber(Number(shifted), 6)} kg (exact)`,
      safety: 'safe',
      edits: [
        { start: vr[0], end: vr[1], newText: shifted },
        { start: ur[0], end: ur[1], newText: 'kg' },
      ],
    },
  ];
}

/** The safe fix to apply for a finding in "fix all": the rule's own first safe fix, else a computed one. */
function safeFixOf(file: ParsedFile, kind: FileKind, f: Finding, ctx: DatasetContext): Fix | undefined {
  return f.fixes?.find((x) => x.safety === 'safe') ?? computedFixes(file, kind, f, ctx).find((x) => x.safety === 'safe');
}

/**
 * The edits that turn one text into another, line by line (a longest common subsequence of lines),
 * so that untouched lines between two changes are not part of any edit.
 */
export function diffEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const split = (t: string) => {
    const out: { text: string; start: number }[] = [];
    const re = /[^\r\n]*(\r\n|\r|\n|$)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(t)) && m[0] !== '') {
      out.push({ text: m[0], start: m.index });
      if (re.lastIndex >= t.length) break;
    }
    return out;
  };
  const a = split(before);
  const b = split(after);
  let p = 0;
  while (p < a.length && p < b.length && a[p].text === b[p].text) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q].text === b[b.length - 1 - q].text) q++;
  const A = a.slice(p, a.length - q);
  const B = b.slice(p, b.length - q);
  // LCS table over the changed middle
  const n = A.length;
  const m = B.length;
  const L: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = A[i].text === B[j].text ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const edits: TextEdit[] = [];
  const offsetOf = (i: number) => (p + i < a.length ? a[p + i].start : before.length);
  let i = 0;
  let j = 0;
  let hunk: { i: number; text: string } | undefined;
  const flush = () => {
    if (hunk) edits.push({ start: offsetOf(hunk.i), end: offsetOf(i), newText: hunk.text });
    hunk = undefined;
  };
  while (i < n || j < m) {
    if (i < n && j < m && A[i].text === B[j].text) {
      flush();
      i++;
      j++;
    } else if (j < m && (i >= n || L[i][j + 1] >= L[i + 1][j])) {
      hunk ??= { i, text: '' };
      hunk.text += B[j].text;
      j++;
    } else {
      hunk ??= { i, text: '' };
      i++;
    }
  }
  flush();
  return edits;
}

/** Applies every safe fix, re-checking until stable; returns the new text and the one edit that makes it. */
export function fixAllSafe(file: ParsedFile, kind: FileKind, options: CheckOptions, findings?: Finding[], maxPasses = 10): { text: string; applied: number; edits: TextEdit[] } {
  const original = file.text;
  let current = file;
  let list = findings ?? checkParsed(current, kind, options);
  let applied = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    // A missing key is added only once nothing else changes: a renamed key may be the one missing.
    const found = list.map((f) => ({ f, fix: safeFixOf(current, kind, f, options.dataset ?? {}) })).filter((x) => !!x.fix);
    const first = found.filter((x) => x.f.ruleId !== 'schema/required');
    const fixes = (first.length ? first : found).map((x) => x.fix as Fix);
    if (!fixes.length) break;
    const r = applyFixes(current.text, fixes);
    if (!r.applied.length || r.text === current.text) break;
    applied += r.applied.length;
    current = parseFile(r.text);
    list = checkParsed(current, kind, options);
  }
  return { text: current.text, applied, edits: diffEdits(original, current.text) };
}
