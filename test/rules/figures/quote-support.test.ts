import rule from '../../../server/src/core/rules/figures/quote-support';
import { ruleTester } from '../../helpers/rule-tester';
import { event, source } from './event';

const captagon = (figures: string, quotes: string[], language = 'en') =>
  event(`seizures:\n  - drug: captagon\n${figures}`, source('a', quotes, language));

/** Source `a` with a headline and an address. */
const titled = (figures: string) =>
  event(
    `seizures:\n  - drug: cocaine\n${figures}`,
    source('a', ['The agents found 211 kilos of cocaine in the port.']) +
      '    title: "Police seize 221 kilos of cocaine in Algeciras"\n    url: https://example.org/news/police-seize-221-kilos-of-cocaine.html\n',
  );

/** Source `a` in `language` with one quote and an address. */
const addressed = (figures: string, url: string, language: string, quote = 'x') =>
  event(`seizures:\n  - drug: captagon\n${figures}`, source('a', [quote], language) + `    url: ${url}\n`);

ruleTester(rule, {
  valid: [
    {
      name: 'an address writes a decimal comma as a hyphen: "1-4-milyon" is 1.4 million',
      code: addressed('    count: {value: 1400000, unit: tablets, where: url, as_reported: "1-4-milyon", source: a}\n', 'https://example.org/hatay/1-4-milyon-uyusturucu-hap-ele-gecirildi', 'tr'),
    },
    {
      name: 'an address writes the point of money in millions as a hyphen: "aed4-5m" is AED 4.5 million',
      code: event(
        `seizures:\n  - drug: captagon\n    street_value: {value: 4500000, currency: AED, where: url, as_reported: "aed4-5m", source: a}\n`,
        source('a', ['x']) + '    url: https://example.org/news/dubai-police-foil-gangs-bid-to-smuggle-aed4-5m-worth-of-drugs\n',
      ),
    },
    {
      name: 'an address with a thousands separator lost: "1-400-kilos" may be 1,400 kg',
      code: addressed('    weight: {value: 1400, unit: kg, where: url, as_reported: "1-400-kilos", source: a}\n', 'https://example.org/news/police-seize-1-400-kilos-of-cocaine', 'en'),
    },
    {
      name: 'Portuguese number words: "24 milhões de comprimidos"',
      code: captagon('    count: {value: 24000000, unit: tablets, source: a}\n', ['apreenderam 24 milhões de comprimidos de um analgésico opiáceo'], 'pt'),
    },
    {
      name: 'Dutch number words: "zeven balen", "ruim 69 miljoen euro"',
      code: event(
        `seizures:\n  - drug: cocaine\n    count: {value: 7, unit: packs, source: a}\n    street_value: {value: 69000000, currency: EUR, qualifier: more_than, source: a}\n`,
        source('a', ['In de container zaten zeven balen met in totaal 920 kilo cocaïne, met een straatwaarde van ruim 69 miljoen euro.'], 'nl'),
      ),
    },
    {
      name: 'the quintal: "4 quintaux et 90 kg" is 490 kg',
      code: event(`seizures:\n  - drug: cocaine\n    weight: {value: 490, unit: kg, qualifier: about, source: a}\n`, source('a', ['une énorme quantité de cocaïne, estimée à 4 quintaux et 90 kg'], 'fr')),
    },
    {
      name: '"almost half a tonne" and "une demi-tonne" are half a tonne',
      code: event(
        `seizures:\n  - drug: cocaine\n    weight:\n      - {value: 0.5, unit: t, qualifier: nearly, source: a}\n      - {value: 0.5, unit: t, source: b}\n`,
        source('a', ['The coastguard has seized almost half a tonne of cocaine']) + source('b', ["Algérie: saisie d'une demi-tonne de cocaïne à Oran"], 'fr'),
      ),
    },
    {
      name: 'an Arabic unit noun alone is one of it: "طنا و908 كيلو جرامات" is 1,908 kg',
      code: event(`seizures:\n  - drug: hashish\n    weight: {value: 1908, unit: kg, source: a}\n`, source('a', ['ضبط طنا و908 كيلو جرامات من مخدر الحشيش'], 'ar')),
    },
    {
      name: 'money in millions: "$60m", "€100m (£85m)"',
      code: event(
        `seizures:\n  - drug: cocaine\n    street_value:\n      - {value: 60000000, currency: USD, source: a}\n      - {value: 100000000, currency: EUR, source: a}\n`,
        source('a', ['the haul was worth $60m, the statement said; the seizure could be worth €100m (£85m)']),
      ),
    },
    { name: 'a headline figure is read from the title', code: titled('    weight: {value: 221, unit: kg, where: headline, as_reported: "221 kilos", source: a}\n') },
    { name: 'an address figure is read from the url', code: titled('    weight: {value: 221, unit: kg, where: url, as_reported: "221-kilos", source: a}\n') },
    {
      name: 'markup copied with a quote does not hide its figure',
      code: captagon('    count: {value: 1800000, unit: tablets, as_reported: "1.8 million Captagon pills", source: a}\n', [
        'Police seized <a href="https://example.org/captagon">1.8 million Captagon pills</a> near the border',
      ]),
    },
    {
      name: 'Homs: 400,000 pills, 65 kilograms, two individuals',
      code: event(
        `seizures:
  - drug: captagon
    count: {value: 400000, unit: tablets, qualifier: about, source: a}
    weight: {value: 65, unit: kg, qualifier: about, source: a}
arrests: {value: 2, unit: persons, source: a}
`,
        source('a', [
          'security agencies seized approximately 400,000 Captagon pills, estimated to weigh about 65 kilograms',
          'the operation led to the arrest of two individuals',
        ]),
      ),
    },
    { name: '"1.35 million"', code: captagon('    count: {value: 1350000, unit: tablets, qualifier: more_than, source: a}\n', ['more than 1.35 million Captagon pills']) },
    { name: '"1.1 tonnes" supports 1,100 kg', code: captagon('    weight: {value: 1100, unit: kg, source: a}\n', ['an estimated 1.1 tonnes of Captagon pills']) },
    { name: '"1,100 kilograms" supports 1.1 t', code: captagon('    weight: {value: 1.1, unit: t, source: a}\n', ['some 1,100 kilograms of Captagon pills']) },
    { name: '"400 000"', code: captagon('    count: {value: 400000, unit: tablets, source: a}\n', ['400 000 comprimés de Captagon'], 'fr') },
    { name: 'Arabic-Indic digits', code: captagon('    count: {value: 400000, unit: tablets, source: a}\n', ['ضبط ٤٠٠٬٠٠٠ حبة كبتاغون'], 'ar') },
    { name: 'Arabic number words', code: captagon('    count: {value: 3000, unit: tablets, source: a}\n', ['ضبط ثلاثة آلاف حبة كبتاغون'], 'ar') },
    { name: 'decimal comma language: "1.600 kg" is 1,600 kg', code: captagon('    weight: {value: 1600, unit: kg, source: a}\n', ['1.600 kg Captagon beschlagnahmt'], 'de') },
    { name: 'a range: both ends quoted', code: captagon('    weight: {qualifier: range, min: 200, max: 250, unit: kg, source: a}\n', ['between 200 and 250 kg']) },
    {
      name: 'the source’s words, verbatim and without a number',
      code: event('arrests: {value: 1, unit: persons, as_reported: "the arrest of a suspect", source: a}\n', source('a', ['It resulted in the arrest of a suspect.'])),
    },
    { name: 'a bare number, the only source', code: captagon('    count: 400000\n', ['400,000 pills']) },
    {
      name: 'no quotes, or an unknown source: other rules report those',
      code: event('seizures:\n  - drug: captagon\n    count: {value: 9, unit: tablets, source: zz}\n', '  - id: a\n    publisher: A\n    published: null\n'),
    },
  ],
  invalid: [
    {
      name: '"3m" before no counted noun and no currency is three metres, not three million',
      code: captagon('    count: {value: 3000000, unit: tablets, source: a}\n', ['The 3m semi-submersible craft was intercepted off the coast']),
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'a date in an address is no decimal: "2021-06-26" gives no 6.26',
      code: addressed('    weight: {value: 6.26, unit: t, where: url, source: a}\n', 'https://example.org/2021-06-26-tonnes-seized', 'en'),
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'a scale letter glued to a model number is no money: "a320-5m" gives no 320.5 million',
      code: addressed('    street_value: {value: 320500000, currency: USD, where: url, source: a}\n', 'https://example.org/news/a320-5m-long-crack-found', 'en'),
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'a body figure is not read from the headline',
      code: titled('    weight: {value: 221, unit: kg, as_reported: "221 kilos", source: a}\n'),
      errors: [{ messageId: 'missing', message: '221 kg is not in the quotes of source "a"; the numbers they contain are 211 kg' }],
    },
    {
      name: 'the number is not in the quotes',
      code: captagon('    count: {value: 450000, unit: tablets, source: a}\n', ['seized approximately 400,000 Captagon pills, estimated to weigh about 65 kilograms']),
      errors: [
        {
          messageId: 'missing',
          line: 9,
          column: 20,
          message: '450,000 tablets is not in the quotes of source "a"; the numbers they contain are 400,000, 65 kg.',
        },
      ],
    },
    {
      name: 'a sum is not support: two in Syria and one in Iraq',
      code: event(
        'arrests: {value: 3, unit: persons, as_reported: "the arrest of two suspects in Syria and one in Iraq", source: a}\n',
        source('a', ['Those raids led to the arrest of two suspects in Syria and one in Iraq.']),
      ),
      errors: [
        {
          messageId: 'sum',
          line: 7,
          column: 18,
          message: '3 arrests is not in the quotes of source "a", which give 2 and 1 ("two", "one")',
        },
      ],
    },
    {
      name: 'English quote: "1.600 kg" is 1.6 kg',
      code: captagon('    weight: {value: 1600, unit: kg, source: a}\n', ['1.600 kg of Captagon']),
      errors: [{ messageId: 'missing', message: 'the numbers they contain are 1.6 kg' }],
    },
    {
      name: 'as_reported not in the quotes does not count',
      code: captagon('    count: {value: 2, unit: tablets, as_reported: "two pills", source: a}\n', ['a few pills']),
      errors: [{ messageId: 'noNumbers', message: '2 tablets is not in the quotes of source "a", which contain no number.' }],
    },
    {
      name: 'a mass never supports a count',
      code: captagon('    count: {value: 65, unit: tablets, source: a}\n', ['65 kilograms of pills']),
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'a range end missing',
      code: captagon('    weight: {qualifier: range, min: 200, max: 260, unit: kg, source: a}\n', ['between 200 and 250 kg']),
      errors: [{ messageId: 'missing', line: 9, column: 47 }],
    },
  ],
});
