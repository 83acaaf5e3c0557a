/**
 * The robustness properties, shared by the property tests (bounded, seeded, in CI) and by
 * `scripts/fuzz.ts` (as long as asked, not in CI). Inputs are the sample events, the registries,
 * the config and the core fixtures, mutated: characters and lines deleted, inserted, replaced,
 * Arabic text, emoji, CRLF and lone CR, tabs, quotes, colons, `- `, anchors, suppressions…
 *
 * Every property runs over ALL_RULES as the registry holds them at run time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Parser, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { fastParseDocument, fastReadValue } from '../../server/src/core/yaml/fast-yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DIMENSIONS, dimension } from '../growth/inputs';
import * as core from '../../server/src/core';
import {
  type CheckOptions,
  type FileKind,
  type Finding,
  type ParsedFile,
  ALL_RULES,
  DatasetIndex,
  INTERNAL_RULE_ID,
  applyEdits,
  buildRegistries,
  checkLimited,
  checkParsed,
  extractFacts,
  fixText,
  parseFile,
  resolveConfig,
  schemaHover,
} from '../../server/src/core';

export const ROOT = join(__dirname, '..', '..');
const SAMPLES = join(ROOT, 'samples');
const CORE_FIXTURES = join(ROOT, 'test', 'fixtures', 'core');

/** Wall-clock bound for one parse + check (+ facts) of one input, generous for a loaded 2-core CI machine. */
export const CHECK_BOUND_MS = 3000;
/** Bound for one editor request (hover…) at one offset. */
export const EDITOR_BOUND_MS = 500;

export interface Seed {
  name: string;
  kind: FileKind;
  /** Dataset-relative path, for rules about file names. */
  path: string;
  text: string;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.ya?ml$/.test(n)) out.push(p);
  }
  return out.sort();
}

let seedCache: Seed[] | undefined;
/** The sample dataset's files and the core fixtures, read once. */
export function seeds(): Seed[] {
  if (seedCache) return seedCache;
  const out: Seed[] = [];
  for (const f of walk(join(SAMPLES, 'events'))) {
    const rel = relative(SAMPLES, f).split('\\').join('/');
    out.push({ name: rel, kind: 'event', path: rel, text: readFileSync(f, 'utf8') });
  }
  out.push({ name: 'registries/drugs.yaml', kind: 'drugs', path: 'registries/drugs.yaml', text: readFileSync(join(SAMPLES, 'registries', 'drugs.yaml'), 'utf8') });
  out.push({ name: 'registries/agencies.yaml', kind: 'agencies', path: 'registries/agencies.yaml', text: readFileSync(join(SAMPLES, 'registries', 'agencies.yaml'), 'utf8') });
  out.push({ name: 'haulcheck.yaml', kind: 'config', path: 'haulcheck.yaml', text: readFileSync(join(SAMPLES, 'haulcheck.yaml'), 'utf8') });
  for (const f of walk(CORE_FIXTURES)) {
    if (f.endsWith('cases.yaml')) continue; // test cases, not an event
    const name = `fixtures/core/${relative(CORE_FIXTURES, f)}`;
    out.push({ name, kind: 'event', path: `events/2026/${relative(CORE_FIXTURES, f)}`, text: readFileSync(f, 'utf8') });
  }
  seedCache = out;
  return out;
}

let optionsCache: CheckOptions | undefined;
/** The sample dataset as context (config, registries, an index of every sample event), as the shells build it. */
export function datasetOptions(): CheckOptions {
  if (optionsCache) return optionsCache;
  const value = (t: string) => parseFile(t).docs[0]?.value;
  const config = resolveConfig(value(readFileSync(join(SAMPLES, 'haulcheck.yaml'), 'utf8')));
  const registries = buildRegistries(
    value(readFileSync(join(SAMPLES, 'registries', 'drugs.yaml'), 'utf8')),
    value(readFileSync(join(SAMPLES, 'registries', 'agencies.yaml'), 'utf8')),
  );
  const index = new DatasetIndex();
  for (const s of seeds()) if (s.kind === 'event' && s.path.startsWith('events/2')) index.set(s.path, extractFacts(s.path, parseFile(s.text)));
  optionsCache = { config, dataset: { registries, today: config.today ?? '2026-03-01', bands: config.bands, index } };
  return optionsCache;
}

// ---------------------------------------------------------------------------------------------
// Mutations

/** Snippets that break YAML in interesting ways, or stress positions. */
export const SNIPPETS = [
  'حمص',
  'ضبطت الجمارك ٤٠٠ ألف حبة كبتاغون',
  '🏙',
  '👨‍👩‍👧',
  '𝟜𝟘𝟘',
  '\r\n',
  '\r',
  '\n',
  '\t',
  ' ',
  '"',
  "'",
  ':',
  ': ',
  '- ',
  '-',
  '# ',
  '#',
  '&a ',
  '*a',
  '&b [1, 2]',
  '!!str ',
  '!!js/function ',
  '!custom ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '? ',
  '|\n',
  '>-\n',
  '---\n',
  '...\n',
  '<<: ',
  '__proto__: ',
  '1e309',
  '.nan',
  '-.inf',
  '0x1F',
  '400,000',
  '2026-02-30',
  'null',
  '~',
  '\\',
  '\u00a0',
  '\u200f',
  '\ufeff',
  '# haulcheck-disable-next-line figures/tablet-mass -- gross weight\n',
  '# haulcheck-disable-next-line -- everything\n',
  '  # haulcheck-disable-next-line schema/enum, dates/precision -- two\n',
  'value: 1\n',
  '  - {value: 2, unit: kg, source: x}\n',
  'sources:\n  - id: a\n',
] as const;

export type Mutation =
  | { op: 'delete'; at: number; len: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'replace'; at: number; len: number; text: string }
  | { op: 'deleteLine'; line: number }
  | { op: 'duplicateLine'; line: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'indent'; line: number; by: number }
  | { op: 'eol'; to: '\r\n' | '\r' | '\n' };

const snippet = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SNIPPETS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'grapheme' }) },
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: snippet }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 10 }), text: snippet }),
  fc.record({ op: fc.constant('deleteLine' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('duplicateLine' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ op: fc.constant('eol' as const), to: fc.constantFrom('\r\n' as const, '\r' as const, '\n' as const) }),
);

export function mutate(text: string, m: Mutation): string {
  const n = text.length;
  switch (m.op) {
    case 'delete': {
      const at = n ? m.at % n : 0;
      return text.slice(0, at) + text.slice(at + m.len);
    }
    case 'insert': {
      const at = m.at % (n + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'replace': {
      const at = n ? m.at % n : 0;
      return text.slice(0, at) + m.text + text.slice(at + m.len);
    }
    case 'eol':
      return text.replace(/\r\n|\r|\n/g, m.to);
    default: {
      const lines = text.split('\n');
      const L = lines.length;
      if (m.op === 'deleteLine') lines.splice(m.line % L, 1);
      else if (m.op === 'duplicateLine') lines.splice(m.line % L, 0, lines[m.line % L]);
      else if (m.op === 'swapLines') {
        const a = m.a % L;
        const b = m.b % L;
        [lines[a], lines[b]] = [lines[b], lines[a]];
      } else if (m.op === 'indent') {
        const i = m.line % L;
        lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-m.by}}`), '');
      }
      return lines.join('\n');
    }
  }
}

export interface Input {
  seed: string;
  kind: FileKind;
  path: string;
  text: string;
}

/** A seed file with 0–8 mutations applied. */
export function inputArb(maxMutations = 8): fc.Arbitrary<Input> {
  const all = seeds();
  return fc
    .record({ i: fc.nat({ max: all.length - 1 }), ops: fc.array(mutationArb, { maxLength: maxMutations }) })
    .map(({ i, ops }) => {
      const s = all[i];
      return { seed: s.name, kind: s.kind, path: s.path, text: ops.reduce(mutate, s.text) };
    });
}

/** An input and some offsets in it (for editor requests). */
export function inputWithOffsetsArb(): fc.Arbitrary<{ input: Input; offsets: number[] }> {
  return fc.record({ input: inputArb(), offsets: fc.array(fc.nat(), { minLength: 1, maxLength: 12 }) });
}

// ---------------------------------------------------------------------------------------------
// Properties. Each throws (an AssertionError-like Error) on failure.

export class PropertyFailure extends Error {}

function fail(message: string): never {
  throw new PropertyFailure(message);
}

function timed<T>(what: string, bound: number, f: () => T): T {
  const t0 = performance.now();
  const r = f();
  const ms = performance.now() - t0;
  if (ms > bound) fail(`${what} took ${ms.toFixed(0)} ms (bound ${bound} ms)`);
  return r;
}

function run(input: Input): { file: ParsedFile; findings: Finding[] } {
  return timed('parse + check', CHECK_BOUND_MS, () => {
    const file = parseFile(input.text);
    const findings = checkParsed(file, input.kind, { ...datasetOptions(), path: input.path });
    if (input.kind === 'event') JSON.stringify(extractFacts(input.path, file)); // what the language server's index does
    return { file, findings };
  });
}

/** Parsing, checking and indexing never throw and finish within the bound; no rule throws. */
export function propCheck(input: Input): void {
  const { findings } = run(input);
  const internal = findings.find((f) => f.ruleId === INTERNAL_RULE_ID);
  if (internal) fail(`a rule threw: ${internal.message}`);
}

/** Every range lies inside the document, start ≤ end, and agrees with TextDocument.positionAt / offsetAt. */
export function propRanges(input: Input): void {
  const { findings } = run(input);
  const doc = TextDocument.create('file:///x.yaml', 'yaml', 1, input.text);
  const n = input.text.length;
  for (const f of findings) {
    const { start, end } = f.range;
    const where = `${f.ruleId} [${start.offset}, ${end.offset}]`;
    if (!(start.offset >= 0 && end.offset <= n)) fail(`${where}: outside the document (length ${n})`);
    if (start.offset > end.offset) fail(`${where}: start after end`);
    for (const p of [start, end]) {
      const q = doc.positionAt(p.offset);
      if (q.line !== p.line || q.character !== p.character) {
        fail(`${where}: offset ${p.offset} is ${p.line}:${p.character}, TextDocument says ${q.line}:${q.character}`);
      }
      if (doc.offsetAt({ line: p.line, character: p.character }) !== p.offset) fail(`${where}: ${p.line}:${p.character} is not offset ${p.offset} for TextDocument`);
    }
    if (typeof f.message !== 'string' || f.message.length === 0) fail(`${where}: empty message`);
  }
}

type AnyFn = (...args: unknown[]) => unknown;
/** An editor function of the core, if it exists at run time (they are being added; each is included once it does). */
function editorFn(name: string): AnyFn | undefined {
  const f = (core as Record<string, unknown>)[name];
  return typeof f === 'function' ? (f as AnyFn) : undefined;
}

function checkFixShape(what: string, fixes: unknown, n: number): void {
  if (fixes === undefined) return;
  const list = Array.isArray(fixes) ? fixes : [fixes];
  for (const fix of list as { title?: string; edits?: { start: number; end: number; newText: string }[] }[]) {
    for (const e of fix?.edits ?? []) {
      if (!(e.start >= 0 && e.start <= e.end && e.end <= n && typeof e.newText === 'string')) fail(`${what}: "${fix.title}" edit [${e.start}, ${e.end}] outside the document (length ${n})`);
    }
  }
}

/**
 * Editor requests at any offset (inside the text, or past either end) never throw, finish in time and
 * answer inside the document: hovers, completion, references, refactorings, outline, inlay hints,
 * and the code actions of every finding.
 */
export function propEditor({ input, offsets }: { input: Input; offsets: number[] }): void {
  const file = parseFile(input.text);
  const n = input.text.length;
  const ctx = datasetOptions().dataset ?? {};
  const kind = input.kind;
  const inRange = (what: string, r: unknown) => {
    const x = r as { start?: number; end?: number } | undefined;
    if (x && typeof x.start === 'number' && typeof x.end === 'number' && !(x.start >= 0 && x.start <= x.end && x.end <= n)) {
      fail(`${what}: range [${x.start}, ${x.end}] outside the document (length ${n})`);
    }
  };
  const atOffset: [string, (o: number) => unknown][] = [['schemaHover', (o) => schemaHover(file, kind, o)]];
  const add = (name: string, call: (f: AnyFn, o: number) => unknown) => {
    const f = editorFn(name);
    if (f) atOffset.push([name, (o) => call(f, o)]);
  };
  add('editorHover', (f, o) => f(file, kind, o, ctx));
  add('complete', (f, o) => f(file, kind, o, ctx));
  add('referenceAt', (f, o) => f(file, kind, o));
  add('refactorsAt', (f, o) => f(file, kind, o));
  for (const raw of [...offsets, -1, n + 5]) {
    const offset = raw < 0 || raw > n ? raw : raw % (n + 1);
    for (const [name, call] of atOffset) {
      const r = timed(`${name} at ${offset}`, EDITOR_BOUND_MS, () => call(offset));
      if (name.endsWith('Hover') && r) {
        inRange(`${name} at ${offset}`, r);
        if (typeof (r as { markdown?: unknown }).markdown !== 'string') fail(`${name} at ${offset}: no markdown`);
      }
      if (name === 'complete' && r) inRange(`complete at ${offset}`, r);
      if (name === 'refactorsAt') checkFixShape(`refactorsAt ${offset}`, r, n);
    }
  }
  const symbols = editorFn('documentSymbols');
  if (symbols) timed('documentSymbols', EDITOR_BOUND_MS, () => symbols(file, kind));
  const inlay = editorFn('inlayHints');
  if (inlay) timed('inlayHints', EDITOR_BOUND_MS, () => inlay(file, kind, ctx, {}, undefined));
  const actions = editorFn('actionsForFinding');
  if (actions) {
    const findings = checkParsed(file, kind, { ...datasetOptions(), path: input.path });
    for (const f of findings) {
      const a = timed(`actionsForFinding ${f.ruleId}`, EDITOR_BOUND_MS, () => actions(file, kind, f, ctx)) as Record<string, unknown> | undefined;
      for (const v of Object.values(a ?? {})) if (v && typeof v === 'object') checkFixShape(`actions of ${f.ruleId}`, v, n);
    }
  }
}

/** Comments in a text as the YAML parser sees them, with their offsets. */
export function comments(text: string): { offset: number; source: string }[] {
  const out: { offset: number; source: string }[] = [];
  const visit = (tok: unknown, depth: number): void => {
    if (!tok || typeof tok !== 'object' || depth > 400) return;
    if (Array.isArray(tok)) {
      for (const t of tok) visit(t, depth + 1);
      return;
    }
    const t = tok as { type?: string; offset?: number; source?: string };
    if (t.type === 'comment' && typeof t.offset === 'number' && typeof t.source === 'string') {
      out.push({ offset: t.offset, source: t.source });
      return;
    }
    for (const v of Object.values(tok)) if (v && typeof v === 'object') visit(v, depth + 1);
  };
  const source = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  for (const tok of new Parser().parse(source)) visit(tok, 0);
  return out.map((c) => ({ offset: c.offset, source: text.slice(c.offset, c.offset + c.source.length) }));
}

function hasSyntaxErrors(file: ParsedFile): boolean {
  return file.docs.some((d) => d.problems.some((p) => p.severity === 'error'));
}

/**
 * Every fix of every finding: its edits are in the text and do not overlap; the text outside them is
 * unchanged; every comment outside them is kept; YAML that parsed still parses.
 */
export function propFixes(input: Input): void {
  const { file, findings } = run(input);
  const text = input.text;
  const cleanBefore = !hasSyntaxErrors(file);
  let noted: { offset: number; source: string }[] | undefined;
  for (const f of findings) {
    for (const fix of f.fixes ?? []) {
      const what = `fix "${fix.title}" of ${f.ruleId}`;
      if (fix.safety !== 'safe' && fix.safety !== 'unsafe') fail(`${what}: safety ${String(fix.safety)}`);
      if (fix.renameTo !== undefined) {
        // A file rename: no text edit, a dataset-relative path in the same folder, named after the id.
        if (fix.edits.length) fail(`${what}: a rename with text edits`);
        const folder = (p: string) => p.slice(0, p.lastIndexOf('/') + 1);
        if (!/^[\w./-]+\.ya?ml$/.test(fix.renameTo) || folder(fix.renameTo) !== folder(input.path) || fix.renameTo.includes('..')) fail(`${what}: renames to ${fix.renameTo}`);
        continue;
      }
      if (fix.edits.length === 0) fail(`${what}: no edits`);
      const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
      for (let i = 0; i < edits.length; i++) {
        const e = edits[i];
        if (!(Number.isInteger(e.start) && Number.isInteger(e.end) && 0 <= e.start && e.start <= e.end && e.end <= text.length)) {
          fail(`${what}: edit [${e.start}, ${e.end}] is not inside the text (length ${text.length})`);
        }
        if (i > 0 && e.start < edits[i - 1].end) fail(`${what}: edits overlap`);
      }
      const { text: after, skipped } = applyEdits(text, edits);
      if (skipped.length) fail(`${what}: ${skipped.length} edits skipped`);
      // Outside the edits, the text is unchanged (checked independently of applyEdits).
      let delta = 0;
      let prev = 0;
      for (const e of edits) {
        if (after.slice(prev + delta, e.start + delta) !== text.slice(prev, e.start)) fail(`${what}: text between edits changed`);
        if (after.slice(e.start + delta, e.start + delta + e.newText.length) !== e.newText) fail(`${what}: edit text not in place`);
        delta += e.newText.length - (e.end - e.start);
        prev = e.end;
      }
      if (after.slice(prev + delta) !== text.slice(prev)) fail(`${what}: text after the edits changed`);
      // Comments outside the edits are kept, at their shifted place.
      noted ??= comments(text);
      for (const c of noted) {
        const cEnd = c.offset + c.source.length;
        const touched = edits.some((e) => e.start < cEnd && c.offset < e.end || (e.start === e.end && e.start > c.offset && e.start < cEnd));
        if (touched) continue;
        const shift = edits.filter((e) => e.end <= c.offset).reduce((s, e) => s + e.newText.length - (e.end - e.start), 0);
        if (after.slice(c.offset + shift, c.offset + shift + c.source.length) !== c.source) fail(`${what}: comment ${JSON.stringify(c.source)} lost`);
      }
      if (cleanBefore) {
        const parsed = parseFile(after);
        const bad = parsed.docs.flatMap((d) => d.problems).find((p) => p.severity === 'error');
        if (bad) fail(`${what}: the fixed text no longer parses: ${bad.message}\n--- fixed text ---\n${after}`);
      }
    }
  }
}

/** Applying safe fixes until stable, then again, changes nothing the second time. */
export function propFixIdempotent(input: Input): void {
  const options = { ...datasetOptions(), path: input.path };
  const first = timed('fixText', CHECK_BOUND_MS * 4, () => fixText(input.text, input.kind, options, 'safe'));
  const second = fixText(first.text, input.kind, options, 'safe');
  if (second.text !== first.text || second.applied !== 0) fail(`safe fixes applied twice changed the text again (${second.applied} more fixes)`);
  // The editor's "fix all" (when the core has it): the same guarantee.
  const fixAll = editorFn('fixAllSafe');
  if (fixAll) {
    const a = fixAll(parseFile(input.text), input.kind, options) as { text: string };
    const b = fixAll(parseFile(a.text), input.kind, options) as { text: string; applied: number };
    if (b.text !== a.text) fail(`fixAllSafe applied twice changed the text again (${b.applied} more fixes)`);
  }
}

/** Any text over an alphabet of line breaks, Arabic, emoji and surrogate halves: LineIndex agrees with TextDocument at every offset. */
export const positionTextArb = fc.array(fc.constantFrom('a', ' ', ':', '\n', '\r', '\r\n', 'ع', 'ح', '🏙', '👨‍👩‍👧', '\ud83c', '\udfd9', '\t'), { maxLength: 60 }).map((a) => a.join(''));

export function propLineIndex(text: string): void {
  const lines = parseFile(text).lines;
  const doc = TextDocument.create('file:///p.yaml', 'yaml', 1, text);
  if (lines.lineCount !== doc.lineCount) fail(`line count ${lines.lineCount}, TextDocument says ${doc.lineCount}`);
  for (let o = -1; o <= text.length + 1; o++) {
    const p = lines.position(o);
    const q = doc.positionAt(o);
    if (p.line !== q.line || p.character !== q.character) fail(`offset ${o}: ${p.line}:${p.character}, TextDocument says ${q.line}:${q.character}`);
    if (lines.offsetAt(p.line, p.character) !== doc.offsetAt(q)) fail(`offset of ${p.line}:${p.character} differs`);
  }
}

/** A node tree as comparable data: values, types, sources and the three offsets of every range. */
export function describeNode(n: unknown): unknown {
  if (n === null || n === undefined) return n;
  if (isScalar(n)) return { S: n.value, t: n.type, src: (n as { source?: string }).source, r: n.range, f: n.format, m: n.minFractionDigits };
  if (isMap(n)) return { M: n.items.map((p) => [describeNode(p.key), describeNode(p.value)]), r: n.range, flow: !!n.flow };
  if (isSeq(n)) return { Q: n.items.map(describeNode), r: n.range, flow: !!n.flow };
  return { other: String(n) };
}

/**
 * The lean reader, where it accepts a text, reads exactly what the `yaml` package reads: the same
 * tree (node by node: values, types, ranges), the same plain value, no error from `yaml`.
 */
export function propFastReader(input: Input): void {
  const fast = fastParseDocument(input.text);
  if (!fast) return;
  const full = parseAllDocuments(input.text, { version: '1.2', uniqueKeys: true, strict: true, prettyErrors: false, logLevel: 'silent' });
  const docs = Array.isArray(full) ? full : [];
  if (docs.length !== 1) fail(`the lean reader read one document, yaml ${docs.length}`);
  const d = docs[0];
  if (d.errors.length || d.warnings.length) fail(`the lean reader accepted a text yaml reports: ${[...d.errors, ...d.warnings].map((e) => e.code).join(', ')}`);
  assert.deepEqual(describeNode(fast.doc.contents), describeNode(d.contents), 'trees differ');
  assert.deepEqual(fast.doc.range, d.range, 'document ranges differ');
  assert.deepEqual(fast.value, d.toJS(), 'values differ');
  // Values only: the same value, range and id position, without a tree.
  const valueOnly = fastReadValue(input.text);
  assert.deepEqual(valueOnly, { value: fast.value, range: fast.doc.range, idAt: fast.idAt }, 'the values-only read differs');
  const idNode = isMap(d.contents) ? d.contents.items.find((p) => isScalar(p.key) && p.key.value === 'id') : undefined;
  assert.equal(fast.idAt, idNode ? ((idNode.value as { range?: number[] } | null)?.range?.[0] ?? undefined) : undefined, 'id position differs');
  // A lazy parse holds the same documents, its trees read on demand.
  assert.deepEqual(describeFile(parseFile(input.text, undefined, { trees: 'lazy' })), describeFile(parseFile(input.text)), 'lazy parse differs');
}

/** The parse of a stream of documents, as comparable data. */
function describeFile(f: ParsedFile): unknown {
  return [f.lines.lineStarts, f.text.length, ...f.docs.map((d) => ({ i: d.index, s: d.start, e: d.end, v: d.value, p: d.problems, c: describeNode(d.doc.contents), r: d.doc.range }))];
}

/**
 * Re-parsing a multi-document stream with its previous version (reusing the unchanged documents)
 * gives exactly what parsing the new text afresh gives.
 */
export function propReuse({ input, others }: { input: Input; others: Input[] }): void {
  const stream = (parts: Input[]) => parts.map((p, i) => (i === 0 ? p.text : '---\n' + p.text)).join('\n');
  const before = [input, ...others];
  const after = [...others.slice(0, 1), input, ...others.slice(1)];
  const oldText = stream(before);
  const edited = stream(after.map((x, i) => (i === 1 ? { ...x, text: x.text.replace(/:/, ': x') } : x)));
  const lineAdded = stream(after.map((x, i) => (i === 1 ? { ...x, text: '\n' + x.text + '\r\n' } : x)));
  for (const next of [edited, stream(after), lineAdded, stream(others), oldText + 'z', oldText.slice(1), '---\n' + oldText]) {
    const reused = parseFile(next, parseFile(oldText));
    const fresh = describeFile(parseFile(next));
    assert.deepEqual(describeFile(reused), fresh);
    // Told what did not change (as an editor's change ranges tell), all of it or less.
    const known = unchangedBetween(oldText, next);
    for (const k of [known, { prefix: known.prefix >> 1, suffix: known.suffix }, { prefix: known.prefix, suffix: known.suffix >> 2 }, { prefix: 0, suffix: 0 }]) {
      assert.deepEqual(describeFile(parseFile(next, parseFile(oldText), { unchanged: k })), fresh, `unchanged ${JSON.stringify(k)}`);
    }
  }
}

/** A large input: a dimension of test/growth/inputs.ts at a size, its first file mutated a few times. */
export interface LargeInput {
  dimension: string;
  n: number;
  mutations: Mutation[];
}

/** Processor time a large input may take (its size is at most 4× the growth test's large size). */
export const LARGE_BOUND_MS = 15_000;

/** Sizes from a quarter of the growth test's size to 16× it (4× its large size). */
export function largeArb(): fc.Arbitrary<LargeInput> {
  return fc
    .record({ d: fc.nat({ max: DIMENSIONS.length - 1 }), scale: fc.integer({ min: 1, max: 64 }), mutations: fc.array(mutationArb, { maxLength: 3 }) })
    .map(({ d, scale, mutations }) => ({ dimension: DIMENSIONS[d].name, n: Math.max(1, Math.round((DIMENSIONS[d].ci * scale) / 4)), mutations }));
}

/**
 * Large inputs, as the CLI checks them (one pass, the report's limits): within LARGE_BOUND_MS of
 * processor time, no rule throws, every range inside its text.
 */
export function propLarge(input: LargeInput): void {
  const made = dimension(input.dimension).make(input.n).files;
  const entries = Object.entries(made);
  entries[0][1] = input.mutations.reduce(mutate, entries[0][1]);
  const base = datasetOptions();
  const t0 = process.cpuUsage();
  const parsed = entries.map(([path, text]) => ({ path, file: parseFile(text, undefined, { trees: 'lazy' }) }));
  const index = new DatasetIndex();
  for (const p of parsed) index.set(p.path, extractFacts(p.path, p.file));
  for (const p of parsed) {
    const { findings } = checkLimited(p.file, 'event', { ...base, dataset: { ...base.dataset, index }, path: p.path, reuse: false }, { perFile: 1000, perRule: 100 });
    const internal = findings.find((f) => f.ruleId === INTERNAL_RULE_ID);
    if (internal) fail(`a rule threw on ${p.path}: ${internal.message}`);
    for (const f of findings) if (f.range.end.offset > p.file.text.length || f.range.start.offset > f.range.end.offset) fail(`${f.ruleId}: a range outside ${p.path}`);
  }
  const used = process.cpuUsage(t0);
  const ms = (used.user + used.system) / 1000;
  if (ms > LARGE_BOUND_MS) fail(`${input.dimension} at ${input.n} took ${ms.toFixed(0)} ms of processor time (bound ${LARGE_BOUND_MS} ms)`);
}

/** The longest common prefix and suffix of two texts that do not overlap (what an edit left alone). */
export function unchangedBetween(a: string, b: string): { prefix: number; suffix: number } {
  const n = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < n && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < n - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

export interface PropertyDef<T> {
  name: string;
  arb: () => fc.Arbitrary<T>;
  check: (v: T) => void;
  /** Runs in CI (numRuns for the test suite; the fuzzer runs as many as time allows). */
  numRuns: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
export const PROPERTIES: PropertyDef<any>[] = [
  { name: 'check', arb: () => inputArb(), check: propCheck, numRuns: 300 },
  { name: 'ranges', arb: () => inputArb(), check: propRanges, numRuns: 250 },
  { name: 'editor', arb: inputWithOffsetsArb, check: propEditor, numRuns: 200 },
  { name: 'fixes', arb: () => inputArb(), check: propFixes, numRuns: 250 },
  { name: 'fix-idempotent', arb: () => inputArb(), check: propFixIdempotent, numRuns: 120 },
  { name: 'line-index', arb: () => positionTextArb, check: propLineIndex, numRuns: 500 },
  { name: 'fast-reader', arb: () => inputArb(), check: propFastReader, numRuns: 600 },
  {
    name: 'reuse',
    arb: () => fc.record({ input: inputArb(4), others: fc.array(inputArb(2), { minLength: 1, maxLength: 3 }) }),
    check: propReuse,
    numRuns: 100,
  },
  { name: 'large', arb: largeArb, check: propLarge, numRuns: 6 },
];

export function propertyByName(name: string): PropertyDef<any> | undefined {
  return PROPERTIES.find((p) => p.name === name);
}

/** The rule ids the properties exercise (all of them, as registered at run time). */
export function ruleIds(): string[] {
  return ALL_RULES.map((r) => r.meta.id);
}

export const REGRESSIONS_DIR = join(ROOT, 'test', 'fixtures', 'hostile', 'regressions');
