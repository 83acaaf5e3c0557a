/**
 * The number reader's tokenizer scans plain ASCII by character code and hands the rest to its regular
 * expression: it must find exactly the tokens the expression alone finds, in every language.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { asciiDigits, tokenizeByExpression, tokensOf } from '../../server/src/core/read/numbers';

const QUOTES: string[] = (JSON.parse(readFileSync('test/read/fixtures/corpus-quotes.json', 'utf8')) as { quotes: string[] }[]).flatMap((r) => r.quotes);

const same = (text: string) => assert.deepEqual(tokensOf(text), tokenizeByExpression(asciiDigits(text)), JSON.stringify(text));

test('the tokens of every corpus quote are those of the expression', () => {
  assert.ok(QUOTES.length > 50);
  for (const q of QUOTES) same(q);
});

test('the tokens of mixed scripts, digits, separators and white space are those of the expression', () => {
  for (const t of [
    '', ' ', 'abc', 'Müller seized 1,350,000 pills', 'naïve', 'ABC123def', 'x\u0301y', 'a\u00A0b', '1\u202F000\u00A0000 kg', 'In 2025 300 pills',
    '26.01.2022', '٤٠٠٬٠٠٠ حبة', 'قرابة 14 مليونا و976 ألف', 'μισό εκατομμύριο', '🙂 5 kg', '\uD800 lone', 'tab\there\nnew\r\nline', "jusqu'à 3 t", 'ca. 5', '$7,000',
    'fünfundzwanzig', 'İstanbul 34 milyon', 'ΟΔΟΣ 5', 'a-b—c', '1 000 000', '1\u2009000',
  ])
    same(t);
});

test('property: any text tokenizes as the expression does', () => {
  const chars = fc.constantFrom(...'aZz09 ,.-\'\t\n\u00A0\u202F\u2009\u066B\u066C٤é\u0301\u0640ΣςİıÄ🙂\uD83D!?()'.split(''), ...['🙂']);
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 40 }), (cs) => same(cs.join(''))),
    { numRuns: 2000 },
  );
  fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => same(s)), { numRuns: 1000 });
});
