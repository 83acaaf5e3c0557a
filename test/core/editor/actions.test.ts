/** Code actions as core data: computed fixes, suppressions, refactors and fix-all, all minimal edits that keep comments. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Finding,
  actionsForFinding,
  applyEdits,
  buildRegistries,
  checkParsed,
  computedFixes,
  diffEdits,
  fixAllSafe,
  parseFile,
  refactorsAt,
  shiftDecimal,
} from '../../../server/src/core';
import { SAMPLES } from '../../helpers/dataset';
import { cursor } from '../../helpers/check';

const FIXTURE = readFileSync(join(__dirname, '..', '..', 'fixtures', 'editor', 'commented-event.yaml'), 'utf8');
const registries = buildRegistries(parseFile(readFileSync(join(SAMPLES, 'registries', 'drugs.yaml'), 'utf8')).docs[0].value, parseFile(readFileSync(join(SAMPLES, 'registries', 'agencies.yaml'), 'utf8')).docs[0].value);
const ctx = { registries, today: '2026-03-01' };
const comments = (t: string) => t.split(/\r?\n/).filter((l) => /^\s*#/.test(l) || /\s#\s/.test(l)).map((l) => l.slice(l.indexOf('#')));

test('every action on every finding of a commented file keeps every comment and changes nothing outside its edits', () => {
  for (const text of [FIXTURE, FIXTURE.replace(/\n/g, '\r\n')]) {
    const file = parseFile(text);
    const findings = checkParsed(file, 'event', { dataset: ctx });
    assert.ok(findings.length >= 6, findings.map((f) => f.ruleId).join(', '));
    let count = 0;
    for (const f of findings) {
      for (const fix of actionsForFinding(file, 'event', f, ctx).fixes) {
        count++;
        const out = applyEdits(text, fix.edits).text;
        for (const c of comments(text)) assert.ok(out.includes(c), `${fix.title}: lost the comment ${c}`);
        // outside the edited spans, the text is the same, byte for byte
        const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
        let pos = 0;
        let outPos = 0;
        for (const e of sorted) {
          assert.equal(out.slice(outPos, outPos + (e.start - pos)), text.slice(pos, e.start), `${fix.title}: changed text before an edit`);
          outPos += e.start - pos + e.newText.length;
          pos = e.end;
        }
        assert.equal(out.slice(outPos), text.slice(pos), `${fix.title}: changed the text after its edits`);
        // and the result is still YAML without new syntax problems
        assert.deepEqual(parseFile(out).docs.flatMap((d) => d.problems.map((p) => p.code)), [], `${fix.title} breaks the YAML:\n${out}`);
        if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(out), `${fix.title}: a bare LF in a CRLF file`);
      }
    }
    assert.ok(count >= 15, `only ${count} actions`);
  }
});

test('safe computed fixes: closest enum value, a figure written as text, a missing key, a misspelt key', () => {
  const file = parseFile(FIXTURE);
  const findings = checkParsed(file, 'event', { dataset: ctx });
  const titles = (id: string) => findings.filter((f) => f.ruleId === id).flatMap((f) => computedFixes(file, 'event', f, ctx).map((x) => `${x.safety}: ${x.title}`));
  assert.deepEqual(titles('schema/enum'), ['safe: Change "reviewd" to "reviewed"']);
  assert.deepEqual(titles('schema/type'), ['safe: Write "two" as the number 2']);
  assert.deepEqual(titles('schema/additionalProperties'), ['safe: Rename "titel" to "title"']);
  assert.deepEqual(titles('schema/required'), ['safe: Add the missing key "title: TODO"']);
});

test('the suppression comment is indented like the line of the finding and names the rule', () => {
  const file = parseFile(FIXTURE);
  const f = checkParsed(file, 'event', { dataset: ctx }).find((x) => x.ruleId === 'figures/tablet-mass' && x.pointer === '/seizures/0/weight/1/value')!;
  const s = actionsForFinding(file, 'event', f, ctx).fixes.at(-1)!;
  const out = applyEdits(FIXTURE, s.edits).text;
  assert.match(out, /\n      # haulcheck-disable-next-line figures\/tablet-mass -- TODO: why this is right\n      - \{value: 2015/);
  // and it silences the finding
  const after = checkParsed(parseFile(out), 'event', { dataset: ctx }).filter((x) => x.ruleId === 'figures/tablet-mass').map((x) => x.pointer);
  assert.ok(!after.includes('/seizures/0/weight/1/value'), after.join(', '));
});

test('fix all: every safe fix, no unsafe one, the missing key not added twice when a misspelt key was renamed', () => {
  const file = parseFile(FIXTURE);
  const r = fixAllSafe(file, 'event', { dataset: ctx });
  assert.equal(r.text, applyEdits(FIXTURE, r.edits).text);
  assert.match(r.text, /status: reviewed +# misspelt on purpose/);
  assert.match(r.text, /\ntitle: A raid in Damascus +# a misspelt key\n/);
  assert.ok(!/title: TODO/.test(r.text), 'the renamed key is not added again');
  assert.match(r.text, /arrests: \{value: 2, unit: persons/);
  assert.ok(r.text.includes('value: 2015'), 'unsafe choices are left to the maintainer');
  assert.ok(r.edits.length >= 3, 'one edit per changed place, not one for the whole file');
  for (const c of comments(FIXTURE)) assert.ok(r.text.includes(c));
});

test('unsafe choices that never change a sourced figure: keep the plausible source, or record the doubt; a source stub', () => {
  const file = parseFile(FIXTURE);
  const findings = checkParsed(file, 'event', { dataset: ctx });
  const mass = findings.find((f) => f.ruleId === 'figures/tablet-mass' && f.pointer === '/seizures/0/weight/1/value')!;
  const fixes = computedFixes(file, 'event', mass, ctx);
  assert.deepEqual(fixes.map((f) => `${f.safety}: ${f.title}`), [
    "unsafe: Keep thenational's 215 kg (159 mg a tablet) and record asharq's 2,015 kg under conflicts",
    'unsafe: Record the doubt under conflicts (seizures[0].weight: no value kept; the figures stay as reported)',
  ]);
  for (const fix of fixes) {
    const after = applyEdits(FIXTURE, fix.edits).text;
    // Every figure, with its words and its source, is still there as reported.
    for (const line of FIXTURE.split('\n').filter((l) => /value:|as_reported/.test(l))) assert.ok(after.includes(line), `${fix.title} keeps ${line}`);
    assert.ok(!checkParsed(parseFile(after), 'event', { dataset: ctx }).some((f) => f.ruleId === 'figures/tablet-mass'), `${fix.title} settles the tablet mass`);
  }
  const unknown = findings.find((f) => f.ruleId === 'sources/unknown')!;
  const stub = computedFixes(file, 'event', unknown, ctx)[0];
  assert.equal(stub.title, 'Add a stub for source "rudaw" under sources (publisher, date and quotes to fill in)');
  const withStub = applyEdits(FIXTURE, stub.edits).text;
  assert.match(withStub, /      - "over 1\.35 million Captagon pills, equivalent to approximately 2,015 kilograms"\n  - id: rudaw\n    publisher: TODO\n    url: null\n    published: null\n    quotes:\n      - "TODO: the sentence this figure comes from"\n# the end\n/);
  assert.ok(!checkParsed(parseFile(withStub), 'event', { dataset: ctx }).some((f) => f.ruleId === 'sources/unknown'));
});

test('action builders on hand-made findings: source conflict and tablet mass', () => {
  const text = ['id: 2025-sy-x-captagon', 'seizures:', '  - drug: captagon', '    count: 1350000', '    weight:', '      - {value: 215, unit: kg, source: a}', '      - {value: 2015, unit: kg, source: b}', 'sources: []', ''].join('\n');
  const file = parseFile(text);
  const finding = (ruleId: string, pointer: string, data: Record<string, unknown>): Finding => ({ ruleId, severity: 'error', message: '', range: file.lines.range(0, 0), pointer, docIndex: 0, data });
  const conflict = computedFixes(file, 'event', finding('figures/source-conflict', '/seizures/0/weight/1/value', { field: 'seizures[0].weight', slot: '/seizures/0/weight' }));
  assert.deepEqual(conflict.map((f) => f.title), ["Keep a's 215 kg and record b's 2,015 kg under conflicts", "Keep b's 2,015 kg and record a's 215 kg under conflicts"]);
  assert.equal(
    applyEdits(text, conflict[1].edits).text,
    text +
      ['conflicts:', '  - field: seizures[0].weight', '    values:', '      - {value: 215, unit: kg, source: a}', '      - {value: 2015, unit: kg, source: b}', '    chosen: b', `    reason: "TODO: why b's 2,015 kg is kept over a's 215 kg"`, ''].join('\n'),
  );
  const mass = computedFixes(file, 'event', finding('figures/tablet-mass', '/seizures/0/weight/1/value', { weightSlot: '/seizures/0/weight', band: '120–220 mg' }), { registries });
  assert.deepEqual(
    mass.map((f) => f.title),
    ["Keep a's 215 kg (159 mg a tablet) and record b's 2,015 kg under conflicts", 'Record the doubt under conflicts (seizures[0].weight: no value kept; the figures stay as reported)'],
  );
  for (const f of mass) assert.ok(applyEdits(text, f.edits).text.startsWith(text.slice(0, text.indexOf('sources:'))), 'the figures stay as they are');
  // a rule that brings its own fixes gets none computed on top
  assert.deepEqual(computedFixes(file, 'event', { ...finding('figures/tablet-mass', '/seizures/0/weight/1/value', {}), fixes: [{ title: 'own', safety: 'unsafe', edits: [] }] }, { registries }), []);
});

test('refactor: exact conversions of a weight to kilograms, decimal point moved as text', () => {
  const { text, offset } = cursor('seizures:\n  - drug: captagon\n    weight: {value: 1.|1, unit: t, qualifier: about, source: a}  # keep\n');
  const [r] = refactorsAt(parseFile(text), 'event', offset);
  assert.equal(r.title, 'Convert 1.1 t to 1,100 kg (exact)');
  assert.equal(r.safety, 'safe');
  assert.equal(applyEdits(text, r.edits).text, text.replace('value: 1.1, unit: t', 'value: 1100, unit: kg'));
  assert.deepEqual(['1.1|3', '65|-3', '0.5|-6', '2.015|3', '12|0'].map((s) => shiftDecimal(s.split('|')[0], Number(s.split('|')[1]))), ['1100', '0.065', '0.0000005', '2015', '12']);
  const kg = cursor('seizures:\n  - drug: x\n    weight: {value: 6|5, unit: kg, source: a}\n');
  assert.deepEqual(refactorsAt(parseFile(kg.text), 'event', kg.offset), []);
});

test('diffEdits: one edit per changed run of lines', () => {
  const a = 'a\nb\nc\nd\ne\n';
  const b = 'a\nB\nc\nd\nE\nf\n';
  const edits = diffEdits(a, b);
  assert.equal(edits.length, 2);
  assert.equal(applyEdits(a, edits).text, b);
});
