import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/core/rules/refs/unknown-agency';
import { checkText, resolveConfig } from '../../../server/src/core';
import { SAMPLE_REGISTRIES, ruleTester } from '../../helpers/rule-tester';
import { BASE, variant } from '../sources/fixture';

ruleTester(rule, {
  valid: [
    { code: BASE },
    { name: 'no agencies listed', code: variant(['  - {agency: sy-moi-anti-narcotics, role: seizing}\n', '']).replace('agencies:\n', 'agencies: []\n') },
    { name: 'no registries: nothing to check against', code: variant(['agency: sy-moi-anti-narcotics', 'agency: sy-nobody']), dataset: { registries: undefined } },
  ],
  invalid: [
    {
      name: 'a typo',
      code: variant(['agency: sy-moi-anti-narcotics', 'agency: sy-moi-antinarcotics']),
      errors: [{ messageId: 'unknown', line: 8, column: 14, data: { id: 'sy-moi-antinarcotics', suggestion: 'sy-moi-anti-narcotics' } }],
    },
    {
      name: 'a short name shared by two countries resolves within the id\'s country',
      code: variant(['agency: sy-moi-anti-narcotics', 'agency: iq-MoI']),
      errors: [{ messageId: 'unknown', data: { suggestion: 'iq-moi', name: SAMPLE_REGISTRIES.agencies.get('iq-moi')!.name } }],
    },
    {
      name: 'nothing close: lists the agencies of the id\'s country',
      code: variant(['agency: sy-moi-anti-narcotics', 'agency: jo-customs-department']),
      errors: [{ messageId: 'unknownNoSuggestion', line: 8, data: { country: 'JO' }, message: '"jo-armed-forces"' }],
    },
    {
      name: 'nothing close and no country prefix',
      code: variant(['agency: sy-moi-anti-narcotics', 'agency: interpol']),
      errors: [{ messageId: 'unknownNoSuggestionAny', line: 8, column: 14 }],
    },
  ],
});

test('refs/unknown-agency offers an unsafe fix to the closest id', () => {
  const code = variant(['agency: sy-moi-anti-narcotics', 'agency: sy-moi-anti-narcotic']);
  const { findings } = checkText(code, 'event', { config: resolveConfig({}), rules: [rule], dataset: { registries: SAMPLE_REGISTRIES } });
  const e = findings[0]?.fixes?.[0]?.edits[0];
  assert.ok(e);
  assert.equal(findings[0].fixes![0].safety, 'unsafe');
  assert.equal(code.slice(0, e.start) + e.newText + code.slice(e.end), BASE);
});
