import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ALL_RULES, LineIndex, checkText, resolveConfig, utf8Length } from '../../server/src/core';
import { defineRule as defineRuleForTests } from '../../server/src/core/rules/rule';

const throwing = defineRuleForTests({
  meta: { id: 'test/throws', description: 'A rule that always throws.', defaultSeverity: 'error', appliesTo: ['event'], messages: { m: 'x' } },
  check() {
    throw new Error('boom');
  },
});

test('a rule that throws becomes one internal finding and the other rules still run', () => {
  const { findings } = checkText('id: x\nstatus: reviewd\n', 'event', { rules: [throwing, ...ALL_RULES] });
  const internal = findings.filter((f) => f.ruleId === 'internal/rule-error');
  assert.equal(internal.length, 1);
  assert.match(internal[0].message, /Rule "test\/throws" failed .*boom/);
  assert.ok(findings.some((f) => f.ruleId === 'schema/enum'), 'schema still ran');
});

test('severities from the config: per id, per family, off', () => {
  const text = 'id: x\nstatus: reviewd\n';
  const warn = checkText(text, 'event', { config: resolveConfig({ rules: { 'schema/enum': 'warning' } }) }).findings;
  assert.equal(warn.find((f) => f.ruleId === 'schema/enum')?.severity, 'warning');
  const fam = checkText(text, 'event', { config: resolveConfig({ rules: { schema: 'info' } }) }).findings;
  assert.ok(fam.filter((f) => f.ruleId.startsWith('schema/')).every((f) => f.severity === 'info'));
  const off = checkText(text, 'event', { config: resolveConfig({ rules: { 'schema/enum': 'off' } }) }).findings;
  assert.ok(!off.some((f) => f.ruleId === 'schema/enum'));
  const over = checkText(text, 'event', { config: resolveConfig({ rules: { 'schema/enum': 'off' } }, { 'schema/enum': 'error' }) }).findings;
  assert.ok(over.some((f) => f.ruleId === 'schema/enum'), 'editor overrides win over haulcheck.yaml');
});

test('positions agree with TextDocument.positionAt for Arabic, emoji, CRLF and lone CR', () => {
  const texts = ['a: "حمص 💊"\r\nb: 1\rc: 2\n', '\uFEFFx: 1\n', '💊💊\n\n\r\n\rz', ''];
  for (const t of texts) {
    const li = new LineIndex(t);
    const doc = TextDocument.create('file:///x.yaml', 'yaml', 1, t);
    for (let o = 0; o <= t.length; o++) {
      const p = li.position(o);
      const q = doc.positionAt(o);
      // TextDocument never places a position between \r and \n; LineIndex keeps the offset as given.
      if (t[o - 1] === '\r' && t[o] === '\n') continue;
      assert.deepEqual({ line: p.line, character: p.character }, q, `offset ${o} of ${JSON.stringify(t)}`);
      assert.equal(li.offsetAt(p.line, p.character), o);
    }
  }
});

test('UTF-8 byte columns for formats that count bytes', () => {
  const t = 'title: "حمص 💊" x';
  const li = new LineIndex(t);
  const pos = li.position(t.indexOf('x'));
  assert.equal(li.utf8Character(pos), Buffer.byteLength(t.slice(0, t.indexOf('x'))));
  assert.equal(utf8Length('💊'), 4);
});

test('after a syntax error, no rule reports as absent what may only be in the part that was lost', () => {
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  const { join } = require('node:path') as typeof import('node:path');
  const { buildRegistries, parseFile } = require('../../server/src/core') as typeof import('../../server/src/core');
  const samples = join(__dirname, '..', '..', 'samples');
  const read = (p: string) => parseFile(readFileSync(join(samples, p), 'utf8')).docs[0].value;
  const dataset = { registries: buildRegistries(read('registries/drugs.yaml'), read('registries/agencies.yaml')), today: '2026-03-01' };
  const event = readFileSync(join(samples, 'events', '2026', '2026-02-22-sy-homs-captagon.yaml'), 'utf8');
  const absence = new Set(ALL_RULES.filter((r) => r.meta.reportsAbsence).map((r) => r.meta.id));
  assert.ok(['sources/unknown', 'sources/unused', 'figures/quote-support'].every((id) => absence.has(id)), [...absence].join(', '));
  const broken: [string, string][] = [
    ['the sources key without its colon', event.replace('\nsources:\n', '\nsources\n')],
    ['an unclosed quote in the first source', event.replace('publisher: The Media Line', 'publisher: "The Media Line')],
    ['an unclosed { in a figure', event.replace('source: medialine}\n    weight', 'source: medialine\n    weight')],
    ['a stale suppression, then a tab', event.replace('status: draft', '# haulcheck-disable-next-line schema/enum\nstatus: draft').replace('  country: SY', '\tcountry: SY')],
  ];
  for (const [name, text] of broken) {
    const { findings } = checkText(text, 'event', { dataset, path: 'events/2026/2026-02-22-sy-homs-captagon.yaml' });
    assert.ok(findings.some((f) => f.ruleId === 'yaml/syntax'), name);
    const wrong = findings.filter((f) => absence.has(f.ruleId) || f.ruleId === 'suppressions/unused');
    assert.deepEqual(wrong.map((f) => `${f.ruleId}: ${f.message}`), [], name);
  }
  // The same rules run once the document reads whole again.
  const stale = event.replace('status: draft', '# haulcheck-disable-next-line schema/enum\nstatus: draft').replace('- id: medialine', '- id: medialin');
  const whole = checkText(stale, 'event', { dataset }).findings.map((f) => f.ruleId);
  assert.ok(whole.includes('sources/unknown') && whole.includes('suppressions/unused'), whole.join(', '));
});
