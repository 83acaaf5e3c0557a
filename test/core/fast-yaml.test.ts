/**
 * The lean YAML reader against the `yaml` package (the reference), and the reuse of unchanged
 * documents between versions of a long stream: same trees, same values, same findings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { DatasetIndex, checkParsed, extractFacts, parseFile } from '../../server/src/core';
import { fastParseDocument } from '../../server/src/core/yaml/fast-yaml';
import { LAZY_TREES_ABOVE } from '../../server/src/core/yaml/parse';
import { describeNode, unchangedBetween } from '../property/props';
// @ts-expect-error plain .mjs script without type declarations
import { generateEvents } from '../../scripts/bench/generate.mjs';

const ROOT = join(__dirname, '..', '..');
const OPTIONS = { version: '1.2', uniqueKeys: true, strict: true, prettyErrors: false, logLevel: 'silent' } as const;

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(f)) out.push(p);
  }
  return out;
}

/** The lean reader accepts `text` and reads exactly what `yaml` reads. */
function assertSame(text: string, label: string): void {
  const fast = fastParseDocument(text);
  assert.ok(fast, `${label}: the lean reader gave up`);
  const [full, ...more] = parseAllDocuments(text, OPTIONS) as ReturnType<typeof parseAllDocuments> & unknown[];
  assert.equal(more.length, 0, label);
  assert.deepEqual(full.errors, [], label);
  assert.deepEqual(describeNode(fast.doc.contents), describeNode(full.contents), `${label}: trees differ`);
  assert.deepEqual(fast.doc.range, full.range, `${label}: document ranges differ`);
  assert.deepEqual(fast.value, full.toJS(), `${label}: values differ`);
}

test('reads every sample file and 300 generated events exactly as the yaml package does', () => {
  const files = yamlFiles(join(ROOT, 'samples'));
  assert.ok(files.length >= 15);
  for (const f of files) assertSame(readFileSync(f, 'utf8'), f);
  const generated = generateEvents({ events: 300, seed: 11 }) as { files: Record<string, string> };
  for (const [p, text] of Object.entries(generated.files)) assertSame(text, p);
});

const SAME: [string, string][] = [
  ['plain, quoted, numbers, nulls, booleans', 'a: x y\nb: "q \\"r\\" \\u00e9 \\x41"\nc: \'it\'\'s\'\nd: 1.50\ne: -3\nf: 0x1F\ng: ~\nh:\ni: True\nj: .inf\nk: 1e3\n'],
  ['comments everywhere', '# top\na: 1 # one\n\n# between\nb:   # after key\n  - x # item\n  # inside\n  - y\n# end\n'],
  ['block scalars', 'a: >-\n  one\n  two\n\n  three\nb: |\n  l1\n    l2\n\n  l3\nc: >\n  z\n'],
  ['flow collections', 'a: [x, "y", 1, [2, 3], {k: v}]\nb: {lat: 34.7, lon: 36.7, n: }\nc: []\nd: {}\ne: [a , b ]   \n'],
  ['sequences of mappings at the key indentation', 'seizures:\n- drug: captagon\n  count: {value: 1, unit: tablets}\n- drug: hashish\nnext: 1\n'],
  ['CRLF', 'a: 1\r\nb:\r\n  - "x"\r\n  - y # c\r\nc: >-\r\n  p\r\n  q\r\n'],
  ['Arabic and emoji', 'title: "ضبط 🚚 كبتاغون"\nquote: أكثر من 40,000 حبة\nplace: حمص 🏙\n'],
  ['explicit document start', '---\na: 1\n'],
  ['URLs and colons inside plain scalars', 'url: https://example.org/a?b=c#d\nt: 10:30\n'],
];

for (const [name, text] of SAME) {
  test(`reads ${name} exactly as the yaml package does`, () => assertSame(text, name));
}

const GIVES_UP: [string, string][] = [
  ['anchors and aliases', 'a: &x 1\nb: *x\n'],
  ['tags', 'a: !!str 1\n'],
  ['multi-line plain scalars', 'a: one\n  two\n'],
  ['multi-line quoted scalars', 'a: "one\n  two"\n'],
  ['duplicate keys', 'a: 1\na: 2\n'],
  ['directives', '%YAML 1.2\n---\na: 1\n'],
  ['tabs in indentation', 'a:\n\t- 1\n'],
  ['a mapping inside a plain value', 'a: b: c\n'],
  ['keep chomping', 'a: |+\n  x\n\n'],
  ['unclosed flow', 'a: [1, 2\n'],
  ['merge keys', 'a: {x: 1}\n<<: {y: 2}\n'],
  ['__proto__ keys', '__proto__: 1\n'],
  ['an empty document', '# nothing\n'],
  ['a top-level scalar', 'just text\n'],
  ['deep nesting', 'a: ' + '['.repeat(100) + ']'.repeat(100) + '\n'],
];

for (const [name, text] of GIVES_UP) {
  test(`leaves ${name} to the yaml package`, () => {
    assert.equal(fastParseDocument(text), undefined);
    // parseFile still reads it (through the full parser): same documents as parseAllDocuments.
    const docs = parseFile(text).docs;
    assert.ok(docs.length >= 1);
  });
}

/** A stream of `n` generated events, one document each. */
function stream(n: number, seed: number): string {
  const g = generateEvents({ events: n, seed, singleFile: true }) as { files: Record<string, string> };
  return Object.values(g.files)[0];
}

function snapshot(f: ReturnType<typeof parseFile>) {
  return {
    lines: f.lines.lineStarts,
    docs: f.docs.map((d) => ({ i: d.index, s: d.start, e: d.end, v: d.value, p: d.problems, tree: describeNode(d.doc.contents), r: d.doc.range })),
  };
}

test('a long stream edited in one document: same parse and same findings as reading it afresh', () => {
  let text = stream(700, 3);
  assert.ok(text.length > LAZY_TREES_ABOVE, `the stream is ${text.length} characters; trees are lazy above ${LAZY_TREES_ABOVE}`);
  const path = 'events/all.yaml';
  let file = parseFile(text);
  const index = new DatasetIndex();
  index.set(path, extractFacts(path, file));
  checkParsed(file, 'event', { dataset: { index }, path });
  // Edits: in the first document's title (every later document moves), a new line in the middle
  // (lines move), an id changed (dataset facts change), an event removed, a broken document.
  const at = (needle: string, from = 0) => text.indexOf(needle, from);
  const edits: ((t: string) => string)[] = [
    (t) => t.slice(0, at('title: "') + 8) + 'x' + t.slice(at('title: "') + 8),
    (t) => t.slice(0, at('\nstatus:', t.length / 2) + 1) + '\n' + t.slice(at('\nstatus:', t.length / 2) + 1),
    (t) => t.replace(/\nid: ([^\n]+)/, '\nid: $1-renamed'),
    (t) => t.slice(0, at('\n---\n', t.length / 3)) + t.slice(at('\n---\n', at('\n---\n', t.length / 3) + 1)),
    (t) => t.slice(0, at('status:', t.length / 4)) + 'status: [unclosed\n' + t.slice(at('status:', t.length / 4)),
  ];
  for (const edit of edits) {
    const next = edit(text);
    assert.notEqual(next, text);
    // Told where the edit is (an editor's change range), the parse looks at that part only.
    const told = parseFile(next, parseFile(text), { unchanged: unchangedBetween(text, next) });
    const reused = parseFile(next, file);
    const fresh = parseFile(next);
    assert.deepEqual(snapshot(reused), snapshot(fresh));
    assert.deepEqual(snapshot(told), snapshot(fresh));
    index.set(path, extractFacts(path, reused));
    const incremental = checkParsed(reused, 'event', { dataset: { index }, path });
    const freshIndex = new DatasetIndex();
    freshIndex.set(path, extractFacts(path, fresh));
    assert.deepEqual(incremental, checkParsed(fresh, 'event', { dataset: { index: freshIndex }, path }));
    file = reused;
    text = next;
  }
});
