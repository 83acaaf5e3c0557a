import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/core/rules/refs/unknown-drug';
import { checkText, resolveConfig } from '../../../server/src/core';
import { SAMPLE_REGISTRIES, ruleTester } from '../../helpers/rule-tester';
import { BASE, variant } from '../sources/fixture';

ruleTester(rule, {
  valid: [
    { code: BASE },
    { name: 'every registry drug', code: BASE.replace('  - drug: captagon\n', '  - drug: captagon\n  - drug: hashish\n  - drug: unspecified\n') },
    { name: 'no registries: nothing to check against', code: variant(['drug: captagon', 'drug: kaptagon']), dataset: { registries: undefined } },
  ],
  invalid: [
    {
      name: 'a typo',
      code: variant(['drug: captagon', 'drug: captgon']),
      errors: [{ messageId: 'unknown', line: 10, column: 11, data: { id: 'captgon', suggestion: 'captagon', name: 'Captagon' } }],
    },
    {
      name: 'an alias written as the id',
      code: variant(['drug: captagon', 'drug: fenethylline']),
      errors: [{ messageId: 'unknown', line: 10, data: { id: 'fenethylline', suggestion: 'captagon' } }],
    },
    {
      name: 'an alias of another drug',
      code: variant(['drug: captagon', 'drug: marijuana']),
      errors: [{ messageId: 'unknown', data: { suggestion: 'cannabis' } }],
    },
    {
      name: 'nothing close',
      code: variant(['drug: captagon', 'drug: khat']),
      errors: [{ messageId: 'unknownNoSuggestion', line: 10, column: 11, message: '"captagon", "hashish"' }],
    },
  ],
});

test('refs/unknown-drug offers an unsafe fix to the closest id', () => {
  const code = variant(['drug: captagon', 'drug: Captagon']);
  const { findings } = checkText(code, 'event', { config: resolveConfig({}), rules: [rule], dataset: { registries: SAMPLE_REGISTRIES } });
  const fix = findings[0]?.fixes?.[0];
  assert.equal(fix?.safety, 'unsafe');
  const e = fix!.edits[0];
  assert.equal(code.slice(0, e.start) + e.newText + code.slice(e.end), BASE);
});
