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
