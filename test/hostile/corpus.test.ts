/**
 * Hostile inputs: each gets a clear finding (rule id and message), within a bound on time and memory,
 * through the core (checkText) and, for whole files, through the CLI (the built bin/haulcheck.js on a
 * temporary copy of the sample dataset). Big and binary inputs are generated here, not committed.
 *
 * The bounds are generous for a loaded 2-core CI machine, and still far below a blow-up: before the
 * guards, 100,000 levels of `[` took about 7 s (and 2,000 levels could abort the process), a
 * 50 MB event took 8 s and 270 MB of heap.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Finding, INTERNAL_RULE_ID, checkText } from '../../server/src/core';
import { copySamples } from '../helpers/dataset';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'haulcheck.js');
const BASE = readFileSync(join(ROOT, 'test', 'fixtures', 'core', 'valid-event.yaml'), 'utf8');

/** Deterministic bytes (xorshift32), so that a failure can be reproduced. */
function pseudoRandomBytes(n: number, seed = 0x9e3779b9): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    b[i] = x & 0xff;
  }
  return b;
}

const LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill('*' + 'abcdefghi'[i]).join(',')}]`),
  '',
].join('\n');

function blockIndented(levels: number): string {
  let s = '';
  for (let i = 0; i < levels; i++) s += ' '.repeat(i) + 'k:\n';
  return s;
}

interface Case {
  name: string;
  text: () => string;
  /** `at`: 1-based line:column of the finding, or the text whose first occurrence it starts at. */
  expect: { ruleId: string; message: RegExp; at?: string | { find: string; plus?: number } };
  /** Bounds for checkText, in ms and MB of heap growth. */
  ms: number;
  mb: number;
  /** Also written to a file and checked through the CLI (the text, or these exact bytes). */
  cli?: boolean | (() => Buffer);
}

const MB = 1024 * 1024;

const CASES: Case[] = [
  { name: 'alias bomb (billion laughs)', text: () => LAUGHS, expect: { ruleId: 'yaml/syntax', message: /Too many alias expansions/ }, ms: 2000, mb: 60, cli: true },
  { name: 'alias inside its own anchor (&a [*a])', text: () => BASE + 'notes: &n [*n]\n', expect: { ruleId: 'yaml/syntax', message: /alias \*n is inside the node it refers to/ }, ms: 1000, mb: 30, cli: true },
  { name: 'flow nesting 100,000 levels ([[[[…]]]])', text: () => '['.repeat(100_000) + ']'.repeat(100_000), expect: { ruleId: 'yaml/syntax', message: /nested more than 128 levels/, at: '1:128' }, ms: 1500, mb: 40, cli: true },
  { name: 'flow nesting 100,000 levels, never closed', text: () => 'id: ' + '{a: ['.repeat(50_000), expect: { ruleId: 'yaml/syntax', message: /nested more than 128 levels/ }, ms: 1500, mb: 40, cli: true },
  { name: 'block nesting 100,000 levels (- - - …)', text: () => '- '.repeat(100_000) + 'x\n', expect: { ruleId: 'yaml/syntax', message: /nested more than 128 levels/ }, ms: 1500, mb: 40, cli: true },
  { name: 'block nesting by indentation (1,000 levels)', text: () => blockIndented(1000), expect: { ruleId: 'yaml/syntax', message: /nested more than 128 levels/, at: '129:129' }, ms: 1500, mb: 40, cli: true },
  { name: 'brackets hidden from a naive count by quotes ([ "]" [ "]" …)', text: () => 'id: ' + '[ "]" '.repeat(5000), expect: { ruleId: 'yaml/syntax', message: /nested more than 128 levels/ }, ms: 1500, mb: 40 },
  { name: '50 MB file', text: () => 'notes: ' + 'x'.repeat(50 * MB), expect: { ruleId: 'yaml/syntax', message: /The file is 50\.0 MB; files over 10\.0 MB are not read/, at: '1:1' }, ms: 5000, mb: 120, cli: true },
  { name: 'NUL bytes', text: () => BASE.replace('title: ', 'title: \0\0'), expect: { ruleId: 'yaml/syntax', message: /NUL byte \(2 such characters.*binary file/, at: { find: '\0' } }, ms: 1000, mb: 30, cli: true },
  { name: 'random bytes (binary file)', text: () => pseudoRandomBytes(64 * 1024).toString('latin1'), expect: { ruleId: 'yaml/syntax', message: /binary file|not valid UTF-8/ }, ms: 2000, mb: 60, cli: () => pseudoRandomBytes(64 * 1024) },
  { name: 'invalid UTF-8 (read as U+FFFD)', text: () => BASE.replace('title: Captagon', 'title: Capt\ufffdgon'), expect: { ruleId: 'yaml/syntax', message: /not valid UTF-8/, at: { find: '\ufffd' } }, ms: 1000, mb: 30, cli: () => Buffer.concat([Buffer.from(BASE.split('title: Captagon')[0] + 'title: Capt'), Buffer.from([0xe9, 0xff]), Buffer.from('gon' + BASE.split('title: Captagon')[1])]) },
  { name: 'tabs as indentation', text: () => BASE.replace('  country: SY', '\tcountry: SY'), expect: { ruleId: 'yaml/syntax', message: /Tabs are not allowed as indentation.*Indent with spaces/ }, ms: 1000, mb: 30, cli: true },
  { name: 'merge-conflict markers', text: () => BASE.replace('status: draft\n', '<<<<<<< HEAD\nstatus: draft\n=======\nstatus: reviewed\n>>>>>>> feature\n'), expect: { ruleId: 'yaml/syntax', message: /merge-conflict marker \("<<<<<<<"\)/, at: { find: '<<<<<<<' } }, ms: 1000, mb: 30, cli: true },
  { name: 'duplicate keys', text: () => BASE.replace('status: draft\n', 'status: draft\nstatus: reviewed\n'), expect: { ruleId: 'yaml/duplicate-key', message: /Key "status" appears more than once/, at: { find: 'status: reviewed' } }, ms: 1000, mb: 30, cli: true },
  { name: '__proto__ and constructor keys', text: () => BASE + '__proto__: {polluted: 1}\nconstructor: {prototype: {polluted: 1}}\n', expect: { ruleId: 'schema/additionalProperties', message: /Unknown key "__proto__"/, at: { find: '__proto__' } }, ms: 1000, mb: 30, cli: true },
  { name: '<< merge key (YAML 1.2: an ordinary key)', text: () => BASE.replace('location:\n', 'base: &b {country: SY}\nlocation:\n  <<: *b\n'), expect: { ruleId: 'schema/additionalProperties', message: /Unknown key "<<" in "location"/, at: { find: '<<: ' } }, ms: 1000, mb: 30, cli: true },
  { name: '1e309 (overflows to Infinity)', text: () => BASE.replace('value: 400000', 'value: 1e309'), expect: { ruleId: 'schema/type', message: /the number Infinity \(not a finite number\)/, at: { find: '1e309' } }, ms: 1000, mb: 30, cli: true },
  { name: '.nan', text: () => BASE.replace('value: 400000', 'value: .nan'), expect: { ruleId: 'schema/type', message: /the number NaN/ }, ms: 1000, mb: 30 },
  { name: '-.inf', text: () => BASE.replace('value: 65', 'value: -.inf'), expect: { ruleId: 'schema/type', message: /the number -Infinity/ }, ms: 1000, mb: 30 },
  { name: '!!js/function tag', text: () => BASE.replace('title: Captagon shipment seized in Homs province', 'title: !!js/function "function () { process.exit(7) }"'), expect: { ruleId: 'yaml/syntax', message: /Unresolved tag: tag:yaml\.org,2002:js\/function.*remove the tag/, at: { find: '!!js' } }, ms: 1000, mb: 30, cli: true },
  { name: '!!python/object tag', text: () => BASE.replace('title: Captagon shipment seized in Homs province', 'title: !!python/object:os.system [rm -rf /]'), expect: { ruleId: 'yaml/syntax', message: /Unresolved tag: tag:yaml\.org,2002:python\/object:os\.system/ }, ms: 1000, mb: 30 },
  { name: 'a list instead of a mapping', text: () => '- id: x\n- id: y\n', expect: { ruleId: 'schema/type', message: /the document should be a mapping of keys, but is a list/ }, ms: 1000, mb: 30, cli: true },
  { name: 'a scalar instead of a mapping', text: () => 'just some text\n', expect: { ruleId: 'schema/type', message: /but is the text "just some text"/ }, ms: 1000, mb: 30, cli: true },
  { name: 'an empty file', text: () => '', expect: { ruleId: 'schema/type', message: /The document is empty/ }, ms: 1000, mb: 30, cli: true },
  { name: 'only a comment', text: () => '# nothing here\n', expect: { ruleId: 'schema/type', message: /The document is empty/ }, ms: 1000, mb: 30 },
];

/** 1-based line:column (UTF-16) of an offset. */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length;
  const col = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) ;
  return `${line}:${col}`;
}

function expectedAt(c: Case, text: string): string | undefined {
  const at = c.expect.at;
  if (at === undefined || typeof at === 'string') return at;
  const i = text.indexOf(at.find);
  assert.ok(i >= 0, `${c.name}: "${at.find}" not in the text`);
  return lineCol(text, i + (at.plus ?? 0));
}

function heapMb(): number {
  return process.memoryUsage().heapUsed / MB;
}

function assertExpected(findings: Finding[], c: Case, where: string, text: string) {
  const hit = findings.find((f) => f.ruleId === c.expect.ruleId && c.expect.message.test(f.message));
  assert.ok(hit, `${where}: no ${c.expect.ruleId} ${c.expect.message}; got ${JSON.stringify(findings.map((f) => `${f.ruleId}: ${f.message.slice(0, 160)}`), null, 1)}`);
  const at = expectedAt(c, text);
  if (at) assert.equal(`${hit.range.start.line + 1}:${hit.range.start.character + 1}`, at, `${where}: position`);
  assert.ok(!findings.some((f) => f.ruleId === INTERNAL_RULE_ID), `${where}: a rule threw: ${JSON.stringify(findings.filter((f) => f.ruleId === INTERNAL_RULE_ID))}`);
}

export const measured: Record<string, { ms: number; mb: number }> = {};

describe('hostile inputs through the core', () => {
  before(() => {
    checkText(BASE, 'event'); // schema compilation and JIT, outside the bounds
  });
  for (const c of CASES) {
    test(`${c.name}: ${c.expect.ruleId}, within ${c.ms} ms and ${c.mb} MB`, () => {
      const text = c.text();
      global.gc?.();
      const m0 = heapMb();
      const t0 = performance.now();
      const { findings } = checkText(text, 'event');
      const ms = performance.now() - t0;
      const mb = heapMb() - m0;
      measured[c.name] = { ms, mb };
      assertExpected(findings, c, c.name, text);
      assert.ok(ms < c.ms, `${c.name}: took ${ms.toFixed(0)} ms (bound ${c.ms})`);
      assert.ok(mb < c.mb, `${c.name}: heap grew ${mb.toFixed(0)} MB (bound ${c.mb})`);
      for (const f of findings) {
        assert.ok(f.range.start.offset <= f.range.end.offset && f.range.end.offset <= text.length, `${f.ruleId}: range outside the text`);
      }
    });
  }

  test('no prototype pollution from __proto__ / constructor keys', () => {
    checkText('__proto__: {polluted: 1}\nconstructor: {prototype: {polluted: 1}}\nx: {__proto__: {polluted: 1}}\n', 'event');
    checkText('__proto__: {polluted: 1}\n', 'drugs');
    checkText('__proto__: {polluted: 1}\nrules: {__proto__: error}\n', 'config');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
  });

  test('<< is just a key: nothing is merged into the mapping', () => {
    const { file } = checkText('base: &b {country: SY}\nlocation:\n  <<: *b\n', 'event');
    const value = file.docs[0].value as { location: Record<string, unknown> };
    assert.deepEqual(Object.keys(value.location), ['<<']);
  });

  test('a byte-order mark does not shift positions on later lines; CRLF and lone CR do not shift any', () => {
    const broken = BASE.replace('status: draft', 'status: reviewd');
    const at = (t: string) => checkText(t, 'event').findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`);
    const lf = at(broken);
    assert.ok(lf.some((s) => s.startsWith('schema/enum 2:8-2:15')), lf.join('\n'));
    assert.deepEqual(at('\ufeff' + broken), lf);
    assert.deepEqual(at(broken.replace(/\n/g, '\r\n')), lf);
    assert.deepEqual(at(broken.replace(/\n/g, '\r')), lf);
    // Mixed line endings, with positions as LSP's TextDocument computes them.
    const mixed = broken.split('\n').map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join('');
    const doc = TextDocument.create('file:///m.yaml', 'yaml', 1, mixed);
    for (const f of checkText(mixed, 'event').findings) {
      assert.deepEqual(doc.positionAt(f.range.start.offset), { line: f.range.start.line, character: f.range.start.character });
    }
  });
});

describe('hostile files through the CLI (built bin/haulcheck.js)', () => {
  interface JsonResult {
    filePath: string;
    messages: { ruleId: string; message: string; line: number; column: number }[];
  }
  let ws: ReturnType<typeof copySamples>;
  const reports = new Map<string, { status: number | null; stderr: string; ms: number; results: JsonResult[] }>();
  const fileName = (c: Case) => `hostile-${c.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.yaml`;
  const isBig = (c: Case) => c.name.startsWith('50 MB');

  /** One CLI process over some files, with a heap cap (a blow-up is a crash, exit ≠ 1) and a timeout. */
  function cli(files: string[], heapMbLimit: number, timeoutMs: number) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMbLimit}`, BIN, 'check', ...files, '--format', 'json', '--today', '2026-03-01'], {
      cwd: ws.dir,
      encoding: 'utf8',
      timeout: timeoutMs,
      maxBuffer: 64 * MB,
    });
    assert.equal(r.error, undefined, `the CLI did not finish: ${r.error?.message}`);
    let results: JsonResult[] = [];
    try {
      results = JSON.parse(r.stdout) as JsonResult[];
    } catch {
      // reported by the tests below
    }
    return { status: r.status, stderr: r.stderr, ms: performance.now() - t0, results };
  }

  before(() => {
    assert.ok(existsSync(join(ROOT, 'dist', 'cli.js')), 'dist/cli.js is missing: run `npm run build` first');
    ws = copySamples();
    const small: string[] = [];
    for (const c of CASES.filter((x) => x.cli)) {
      const file = join(ws.dir, 'events', '2026', fileName(c));
      writeFileSync(file, typeof c.cli === 'function' ? c.cli() : c.text());
      if (isBig(c)) reports.set(c.name, cli([file], 400, 60_000));
      else small.push(file);
    }
    // The small ones together: one process of at most 192 MB of heap, the whole dataset indexed too.
    const r = cli(small, 192, 60_000);
    for (const c of CASES.filter((x) => x.cli && !isBig(x))) reports.set(c.name, r);
  });
  after(() => ws?.cleanup());

  for (const c of CASES.filter((x) => x.cli)) {
    test(`${c.name}: ${c.expect.ruleId}, exit 1, in a bounded process`, () => {
      const r = reports.get(c.name)!;
      assert.equal(r.status, 1, `${c.name}: exit ${r.status}; stderr: ${r.stderr.slice(0, 2000)}`);
      const mine = r.results.find((x) => x.filePath.endsWith(fileName(c)));
      assert.ok(mine, `${c.name}: file not in the report`);
      const hit = mine.messages.find((m) => m.ruleId === c.expect.ruleId && c.expect.message.test(m.message));
      assert.ok(hit, `${c.name}: ${JSON.stringify(mine.messages.map((m) => `${m.ruleId}: ${m.message.slice(0, 160)}`), null, 1)}`);
      const at = c.name.startsWith('random') ? undefined : expectedAt(c, typeof c.expect.at === 'string' ? '' : c.text());
      if (at) assert.equal(`${hit.line}:${hit.column}`, at);
      assert.ok(!mine.messages.some((m) => m.ruleId === INTERNAL_RULE_ID), JSON.stringify(mine.messages));
      assert.ok(r.ms < (isBig(c) ? 30_000 : 45_000), `took ${r.ms.toFixed(0)} ms`);
    });
  }

  test('invalid UTF-8 is read as UTF-8 with U+FFFD for each bad byte, and reported where the first one is', () => {
    const c = CASES.find((x) => x.name.startsWith('invalid UTF-8'))!;
    const mine = reports.get(c.name)!.results.find((x) => x.filePath.endsWith(fileName(c)))!;
    const hit = mine.messages.find((m) => m.ruleId === 'yaml/syntax')!;
    assert.match(hit.message, /\(2 such characters in the file\)/);
    assert.equal(`${hit.line}:${hit.column}`, expectedAt(c, c.text()));
  });

  test('a byte-order mark, CRLF and lone CR: the same lines and columns as plain LF', () => {
    const broken = BASE.replace('status: draft', 'status: reviewd');
    const variants: Record<string, Buffer> = {
      lf: Buffer.from(broken),
      bom: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(broken)]),
      crlf: Buffer.from(broken.replace(/\n/g, '\r\n')),
      cr: Buffer.from(broken.replace(/\n/g, '\r')),
      'bom-crlf': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(broken.replace(/\n/g, '\r\n'))]),
    };
    const files = Object.entries(variants).map(([k, bytes]) => {
      const file = join(ws.dir, 'events', '2026', `eol-${k}.yaml`);
      writeFileSync(file, bytes);
      return file;
    });
    const r = cli(files, 192, 60_000);
    assert.equal(r.status, 1, r.stderr);
    const seen: Record<string, string[]> = {};
    for (const k of Object.keys(variants)) {
      const res = r.results.find((x) => x.filePath.endsWith(`eol-${k}.yaml`))!;
      seen[k] = res.messages.filter((m) => m.ruleId !== 'events/id-filename' && !m.ruleId.startsWith('events/')).map((m) => `${m.ruleId} ${m.line}:${m.column}`);
    }
    assert.ok(seen.lf.includes(`schema/enum ${expectedAt({ expect: { at: { find: 'reviewd' } } } as Case, broken)}`), seen.lf.join('\n'));
    for (const k of Object.keys(variants)) assert.deepEqual(seen[k], seen.lf, k);
  });
});
