import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/core/rules/suppressions/unused';
import schema from '../../../server/src/core/rules/schema';
import { checkText } from '../../../server/src/core';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [{ code: 'id: x\nstatus: draft\n' }],
  invalid: [
    {
      name: 'a stale next-line comment is removed with its line',
      code: 'id: x\n# haulcheck-disable-next-line schema/enum -- old\nstatus: draft\n',
      errors: [{ messageId: 'unused', line: 2, column: 1, data: { rules: ' (schema/enum)' } }],
      output: 'id: x\nstatus: draft\n',
    },
    {
      name: 'a trailing comment is removed, the value kept',
      code: 'id: x\nstatus: draft  # haulcheck-disable-line\n',
      errors: [{ messageId: 'unused', line: 2, column: 16 }],
      output: 'id: x\nstatus: draft\n',
    },
  ],
});

const bad = 'id: 2026-02-22-sy-homs-captagon\n# haulcheck-disable-next-line schema/enum, figures/tablet-mass -- reviewed by hand\nstatus: reviewd\n';

test('a used suppression silences its finding; the unused rule named beside it is reported', () => {
  const findings = checkText(bad, 'event', { rules: [schema, rule] }).findings;
  assert.ok(!findings.some((f) => f.ruleId === 'schema/enum'), 'the enum finding is silenced');
  const unused = findings.filter((f) => f.ruleId === 'suppressions/unused');
  assert.equal(unused.length, 1);
  assert.equal(unused[0].messageId, 'unusedRule');
  assert.match(unused[0].message, /figures\/tablet-mass/);
});

test('a family name silences every rule of the family', () => {
  const text = 'id: 2026-02-22-sy-homs-captagon\nstatus: reviewd  # haulcheck-disable-line schema -- test\n';
  const findings = checkText(text, 'event', { rules: [schema, rule] }).findings;
  assert.ok(!findings.some((f) => f.ruleId === 'schema/enum' || f.ruleId === 'suppressions/unused'));
});

test('a suppression comment inside other text is not a suppression', () => {
  const text = 'id: 2026-02-22-sy-homs-captagon\nstatus: reviewd\n';
  const findings = checkText(text, 'event', { rules: [schema, rule] }).findings;
  assert.ok(findings.some((f) => f.ruleId === 'schema/enum'));
});

test('suppression comments in a stream of documents are found as the stream is edited (each document searched once)', async () => {
  const { parseFile } = await import('../../../server/src/core');
  const { parseSuppressions } = await import('../../../server/src/core/rules/suppress');
  const doc = (i: number, comment: string) => `id: e${i}\n${comment}status: draft\n`;
  const parts = Array.from({ length: 30 }, (_, i) => doc(i, i % 7 === 3 ? '# haulcheck-disable-next-line schema/enum -- checked\n' : ''));
  // Comments between documents, on a marker line, and one cut by nothing but a document's edge.
  let text = '# haulcheck-disable-line\n' + parts.join('---\n') + '--- # haulcheck-disable-line yaml\n' + doc(99, '') + '# haulcheck-disable-next-line\n';
  const plain = (t: string) =>
    t.split('\n').flatMap((line, l) => (line.includes('haulcheck-disable') ? [l] : []));
  let file = parseFile(text);
  const edits: ((t: string) => string)[] = [
    (t) => t.replace('id: e5\n', 'id: e5\n# haulcheck-disable-next-line figures\n'),
    (t) => t.replace('# haulcheck-disable-next-line schema/enum -- checked\nstatus: draft\n---\nid: e11', 'status: draft\n---\nid: e11'),
    (t) => t.replace('id: e20\n', 'id: e20  # haulcheck-disable-line\n'),
    (t) => 'x: 1\n' + t,
  ];
  for (const edit of edits) {
    const next = edit(text);
    assert.notEqual(next, text);
    const reused = parseFile(next, file);
    const fresh = parseFile(next);
    const lines = (f: typeof fresh) => parseSuppressions(f).map((s) => [s.commentLine, s.line, s.start, s.end, s.rules.join(',')]);
    assert.deepEqual(lines(reused), lines(fresh));
    assert.deepEqual(parseSuppressions(reused).map((s) => s.commentLine), plain(next));
    file = reused;
    text = next;
  }
});
