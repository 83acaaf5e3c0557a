import rule from '../../../server/src/core/rules/figures/source-conflict';
import { ruleTester } from '../../helpers/rule-tester';
import { event, source } from './event';

const ids = ['a', 'b', 'c', 'd'];
const sources = (n: number, wire?: Record<string, string>) =>
  ids
    .slice(0, n)
    .map((id) => source(id, ['x']) + (wire?.[id] ? `    wire: ${wire[id]}\n` : ''))
    .join('');
const two = sources(2);

/** One seizure whose `field` lists the given figures (flow mappings), with `n` sources a, b, c… */
const slot = (field: string, figures: string[], extra = '', n = 2, wire?: Record<string, string>) =>
  event(
    `seizures:
  - drug: captagon
    ${field}:
${figures.map((f) => `      - ${f}`).join('\n')}
${extra}`,
    sources(n, wire),
  );

ruleTester(rule, {
  valid: [
    { name: '1.1 t and 1,100 kg agree', code: slot('weight', ['{value: 1.1, unit: t, qualifier: about, source: a}', '{value: 1100, unit: kg, qualifier: about, source: b}']) },
    {
      name: 'the same "more than 1.35 million" twice',
      code: slot('count', ['{value: 1350000, unit: tablets, qualifier: more_than, source: a}', '{value: 1350000, unit: tablets, qualifier: more_than, source: b}']),
    },
    { name: '"more than 200,000" fits 250,000', code: slot('count', ['{value: 200000, unit: tablets, qualifier: more_than, source: a}', '{value: 250000, unit: tablets, source: b}']) },
    { name: 'rounding is not a conflict: about 5 million and 4,962,310', code: slot('count', ['{value: 5000000, unit: tablets, qualifier: about, source: a}', '{value: 4962310, unit: tablets, source: b}']) },
    { name: 'truncation is not a conflict: 5.3 million and 5,383,400', code: slot('count', ['{value: 5300000, unit: tablets, source: a}', '{value: 5383400, unit: tablets, source: b}']) },
    {
      name: 'a restatement that rounds: "more than 5.3 million" in the headline, 5,383,400 in the text',
      code: slot('count', ['{value: 5383400, unit: tablets, where: body, source: a}', '{value: 5300000, unit: tablets, qualifier: more_than, where: headline, source: a}']),
    },
    {
      name: 'a restatement with a hedge that fits: "nearly 9 million" in the address, 8,735,000 in the text',
      code: slot('count', ['{value: 8735000, unit: tablets, where: body, source: a}', '{value: 9000000, unit: tablets, qualifier: nearly, where: url, source: a}']),
    },
    { name: 'truncation: 1.1 million and 1,160,500', code: slot('count', ['{value: 1100000, unit: tablets, source: a}', '{value: 1160500, unit: tablets, source: b}']) },
    { name: 'truncation: 13 tonnes and 13.7 t', code: slot('weight', ['{value: 13, unit: t, source: a}', '{value: 13.7, unit: t, source: b}']) },
    { name: 'a rounded ton: 1 ton and 1,150 kg', code: slot('weight', ['{value: 1, unit: ton, source: a}', '{value: 1150, unit: kg, source: b}']) },
    { name: 'tons of unknown kind: 1.5 tons and 1.5 tonnes', code: slot('weight', ['{value: 1.5, unit: ton, source: a}', '{value: 1.5, unit: t, source: b}']) },
    { name: 'tons truncated: 1.4 tons and 1,452 kg', code: slot('weight', ['{value: 1.4, unit: ton, source: a}', '{value: 1452, unit: kg, source: b}']) },
    { name: 'a rounded conversion: 3,200 pounds and 1,452 kg', code: slot('weight', ['{value: 3200, unit: lb, source: a}', '{value: 1452, unit: kg, source: b}']) },
    { name: 'nearly: nearly 9 million and 8,735,000', code: slot('count', ['{value: 9000000, unit: tablets, qualifier: nearly, source: a}', '{value: 8735000, unit: tablets, source: b}']) },
    { name: 'nearly: almost a ton and a half and 1,452 kg', code: slot('weight', ['{value: 1.5, unit: ton, qualifier: nearly, source: a}', '{value: 1452, unit: kg, source: b}']) },
    { name: 'nearly one digit: "bijna een ton" and 920 kg (within the tolerance, above half-way to zero)', code: slot('weight', ['{value: 1, unit: t, qualifier: nearly, source: a}', '{value: 920, unit: kg, source: b}']) },
    { name: 'nearly one digit: "almost half a tonne" and 490 kg', code: slot('weight', ['{value: 0.5, unit: t, qualifier: nearly, source: a}', '{value: 490, unit: kg, source: b}']) },
    { name: 'nearly one digit: "nearly 9 tonnes" and 8.6 t (nearer nine than eight)', code: slot('weight', ['{value: 9, unit: t, qualifier: nearly, source: a}', '{value: 8.6, unit: t, source: b}']) },
    { name: 'nearly two digits keeps the tolerance: "nearly 1.5 million" and 1,420,000', code: slot('count', ['{value: 1500000, unit: tablets, qualifier: nearly, source: a}', '{value: 1420000, unit: tablets, source: b}']) },
    { name: 'about 65 kg and 70 kg agree within 10%', code: slot('weight', ['{value: 65, unit: kg, qualifier: about, source: a}', '{value: 70, unit: kg, source: b}']) },
    { name: 'a range and a value inside it', code: slot('weight', ['{qualifier: range, min: 200, max: 250, unit: kg, source: a}', '{value: 215, unit: kg, source: b}']) },
    {
      name: 'a count so far (as_of) smaller than the later total is not a rival',
      code: slot('count', ['{value: 200000, unit: tablets, as_of: 2026-02-01, source: a}', '{value: 900000, unit: tablets, source: b}']),
    },
    { name: 'a part smaller than the total', code: slot('weight', ['{value: 370, unit: kg, qualifier: more_than, scope: part, part: garage, source: a}', '{value: 461, unit: kg, source: b}']) },
    { name: 'an aggregate larger than the total', code: slot('count', ['{value: 7800000, unit: tablets, qualifier: more_than, scope: aggregate, source: a}', '{value: 5383400, unit: tablets, source: b}']) },
    { name: 'a garbled figure is not used', code: slot('weight', ['{value: 17500, unit: kg, garbled: true, source: a}', '{value: 17.5, unit: kg, source: b}']) },
    {
      name: 'settled under conflicts',
      code: slot(
        'weight',
        ['{value: 215, unit: kg, qualifier: about, source: a}', '{value: 2015, unit: kg, qualifier: about, source: b}'],
        `conflicts:
  - field: seizures[0].weight
    values:
      - {value: 215, unit: kg, source: a}
      - {value: 2015, unit: kg, source: b}
    chosen: a
    reason: "2,015 kg would be 1.5 g a pill"
`,
      ),
    },
    { name: 'a larger tolerance', code: slot('weight', ['{value: 65, unit: kg, qualifier: about, source: a}', '{value: 80, unit: kg, source: b}']), options: { tolerance: 0.25 } },
    { name: 'bounds read literally when asked', code: slot('weight', ['{value: 100, unit: kg, qualifier: more_than, source: a}', '{value: 610, unit: kg, source: b}']), options: { openBound: 1000 } },
    { name: 'street values in two currencies are not compared', code: slot('street_value', ['{value: 3000000000, currency: EUR, source: a}', '{value: 232000000, currency: USD, source: b}']) },
    { name: 'odd data', code: slot('weight', ['{value: x, source: a}', '7']) },
  ],
  invalid: [
    {
      name: 'a thousand left out: "637 captagon pills" against "637,000 Captagon pills", the finding on the smaller',
      code: slot('count', ['{value: 637000, unit: tablets, source: a}', '{value: 637, unit: tablets, source: b}']),
      errors: [{ messageId: 'outlier', line: 11, message: '637 tablets (b) cannot be true if 637,000 tablets (a) is; 637 is 637,000 without its thousands (a "thousand" left out?)' }],
    },
    {
      name: 'a digit too many or too few is no dropped thousand: 39,600 against 396,000 stays undecided',
      code: slot('count', ['{value: 39600, unit: tablets, source: a}', '{value: 396000, unit: tablets, source: b}']),
      errors: [{ messageId: 'split', message: '39,600 tablets (a) against 396,000 tablets (b)' }],
    },
    {
      name: 'one significant digit tells too little: 5 against 5,000 stays undecided',
      code: slot('count', ['{value: 5, unit: tablets, source: a}', '{value: 5000, unit: tablets, source: b}']),
      errors: [{ messageId: 'split' }],
    },
    {
      name: '"almost nine tonnes" is not 8.225 t: nearer eight than nine; the address\'s "9 tonnes" fits both and is no contradiction of the text',
      code: slot(
        'weight',
        ['{value: 8.225, unit: t, source: a}', '{value: 8, unit: t, qualifier: more_than, source: b}', '{value: 9, unit: t, qualifier: nearly, source: c}', '{value: 9, unit: t, where: url, source: c}'],
        '',
        3,
      ),
      errors: [{ messageId: 'outlier', message: 'nearly 9 t (c) cannot be true if 8.225 t / more than 8 t / 9 t (a, b and c) is' }],
    },
    {
      name: 'an exact count is exact: 3,840 boxes against 3,849',
      code: slot('count', ['{value: 3849, source: a}', '{value: 3840, source: b}']),
      errors: [{ messageId: 'split', message: '3,849 (a) against 3,840 (b)' }],
    },
    {
      name: 'The National 215 kg, Asharq Al-Awsat 2,015 kg: two sides of one source each',
      code: slot('weight', ['{value: 215, unit: kg, qualifier: about, source: a}', '{value: 2015, unit: kg, qualifier: about, source: b}']),
      errors: [
        {
          messageId: 'split',
          line: 9,
          column: 5,
          message:
            'seizures[0].weight: the sources disagree and no side is clearly the outlier: about 215 kg (a) against about 2,015 kg (b). Record the disagreement under conflicts (field: seizures[0].weight) with the value kept and why.',
        },
      ],
    },
    {
      name: 'one disagreement is one finding, on the outlier, naming each side',
      code: slot(
        'count',
        ['{value: 5383400, unit: tablets, source: a}', '{value: 5300000, unit: tablets, source: b}', '{value: 5300000, unit: tablets, qualifier: more_than, source: c}', '{value: 7800000, unit: tablets, qualifier: more_than, source: d}'],
        '',
        4,
      ),
      errors: [
        {
          messageId: 'outlier',
          line: 13,
          column: 17,
          message:
            'seizures[0].count: more than 7,800,000 tablets (d) cannot be true if 5,383,400 tablets / 5,300,000 tablets / more than 5,300,000 tablets (a, b and c) is',
        },
      ],
    },
    {
      name: 'copies of one wire story are one account: no side is the outlier',
      code: slot('count', ['{value: 9000000, unit: tablets, source: a}', '{value: 9000000, unit: tablets, source: b}', '{value: 4000000, unit: tablets, source: c}'], '', 3, { a: 'AFP', b: 'AFP' }),
      errors: [{ messageId: 'split', message: '9,000,000 tablets (a and b) against 4,000,000 tablets (c)' }],
    },
    {
      name: '"more than 100 kg" is not a way to write 610 kg: a source contradicting itself',
      code: slot('weight', ['{value: 100, unit: kg, qualifier: more_than, where: lead, source: a}', '{value: 610, unit: kg, where: body, source: a}', '{value: 610, unit: kg, source: b}']),
      errors: [{ messageId: 'selfContradiction', message: 'a contradicts itself: more than 100 kg in its lead, 610 kg in its text (as b says)' }],
    },
    {
      name: 'a headline against the body',
      code: slot('weight', ['{value: 221, unit: kg, where: url, source: a}', '{value: 211, unit: kg, where: body, source: a}']),
      errors: [{ messageId: 'selfContradiction', message: 'a contradicts itself: 221 kg in its web address, 211 kg in its text' }],
    },
    {
      name: 'a hedge does not make a restated figure another number: "221 kilos" in the address, "approximately 211 kilograms" in the text',
      code: slot('weight', ['{value: 211, unit: kg, qualifier: about, where: body, source: a}', '{value: 221, unit: kg, where: url, source: a}']),
      errors: [{ messageId: 'selfContradiction', line: 11, message: 'seizures[0].weight: a contradicts itself: 221 kg in its web address, about 211 kg in its text.' }],
    },
    {
      name: 'a part larger than the total: more than 5 million counted so far, 4.4 million in all',
      code: slot('count', ['{value: 4400000, unit: tablets, source: a}', '{value: 4400000, unit: tablets, source: b}', '{value: 5000000, unit: tablets, qualifier: more_than, scope: part, source: c}'], '', 3),
      errors: [{ messageId: 'partExceeds', line: 12, column: 17, message: 'more than 5,000,000 tablets (c) is given as a part of the seizure, but it is more than the whole, 4,400,000 tablets (a and b)' }],
    },
    {
      name: 'named parts are compared with each other: 55 kg and 55 pounds',
      code: slot('weight', ['{value: 2384, unit: kg, source: a}', '{value: 55, unit: kg, scope: part, part: Esenyurt, source: b}', '{value: 55, unit: lb, scope: part, part: Esenyurt, source: b}']),
      errors: [{ messageId: 'selfContradiction', message: 'seizures[0].weight (part "Esenyurt"): b contradicts itself' }],
    },
    {
      name: 'an aggregate smaller than the seizure',
      code: slot('weight', ['{value: 1000, unit: kg, scope: aggregate, source: a}', '{value: 2000, unit: kg, source: b}']),
      errors: [{ messageId: 'aggregateBelow', message: '1,000 kg (a) is given as a sum that includes other seizures, but it is less than this seizure alone, 2,000 kg (b)' }],
    },
    {
      name: '"more than 200,000" does not fit 150,000',
      code: slot('count', ['{value: 200000, unit: tablets, qualifier: more_than, source: a}', '{value: 150000, unit: tablets, source: b}']),
      errors: [{ messageId: 'split', message: 'more than 200,000 tablets (a) against 150,000 tablets (b)' }],
    },
    {
      name: 'units converted: 1.1 t against 110 kg',
      code: slot('weight', ['{value: 1.1, unit: t, source: a}', '{value: 110, unit: kg, source: b}']),
      errors: [{ messageId: 'split', message: '1.1 t (a) against 110 kg (b)' }],
    },
    {
      name: 'street values in one currency',
      code: slot('street_value', ['{value: 80000000, currency: EUR, source: a}', '{value: 60000000, currency: EUR, source: b}']),
      errors: [{ messageId: 'split', message: '80,000,000 EUR (a) against 60,000,000 EUR (b)' }],
    },
    {
      name: 'arrests, with a conflicts entry for another field',
      code: event(
        `arrests:
  - {value: 2, unit: persons, source: a}
  - {value: 3, unit: persons, source: b}
conflicts:
  - {field: "seizures[0].weight", reason: settled}
`,
        two,
      ),
      errors: [{ messageId: 'split', line: 7, column: 1, message: 'arrests: the sources disagree' }],
    },
  ],
});
