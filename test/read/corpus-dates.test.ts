/**
 * The date reader on the quotes of the development corpus (test/read/fixtures/corpus-quotes.json):
 * each report's transcribed event date falls in a date its quotes give, resolved against its own
 * publication date, and the dates no page can place stay unresolved.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findDates, resolveReading } from '../../server/src/core/read/date-words';

interface Report {
  key: string;
  language: string;
  published: string | null;
  event_date: string | null;
  quotes: string[];
}

const REPORTS: Report[] = JSON.parse(readFileSync('test/read/fixtures/corpus-quotes.json', 'utf8'));

/** Reports whose date words are not in the quoted sentences, with why. */
const NOT_QUOTED: Record<string, string> = {
  'ro-heroin--stiripesurse': '"In May" is in the page, not in the quoted sentence',
};

test('every transcribed event date falls in a date of its report\'s quotes, resolved against its publication', () => {
  const missing: string[] = [];
  let checked = 0;
  for (const r of REPORTS) {
    if (!r.event_date || NOT_QUOTED[r.key]) continue;
    checked++;
    const dates = r.quotes.flatMap((q) => findDates(q, r.language));
    const hit = dates.some((d) => {
      if (!d.reading) return false;
      const x = resolveReading(d.reading, { reference: r.published ?? undefined });
      return x.ok && x.start <= r.event_date! && r.event_date! <= x.end;
    });
    if (!hit) missing.push(`${r.key}: ${r.event_date} (${dates.map((d) => d.text).join(', ')})`);
  }
  assert.ok(checked >= 50, `${checked} reports checked`);
  assert.deepEqual(missing, []);
});

test('dates a page cannot place stay unresolved: no publication date, no year', () => {
  const unresolved = (key: string, words: string) => {
    const r = REPORTS.find((x) => x.key === key)!;
    const d = r.quotes.flatMap((q) => findDates(q, r.language)).find((f) => f.text === words);
    assert.ok(d?.reading, `${key}: "${words}" is read`);
    const x = resolveReading(d.reading, { reference: r.published ?? undefined });
    assert.equal(x.ok, false, `${key}: "${words}" stays unresolved`);
  };
  unresolved('es-algeciras-dropoff--vivamijas', '16 de junio');
  unresolved('sa-onions--tribunalcommunity', 'January 14');
  unresolved('tr-hatay2015--ajansalperen-tr', '18 Kasım');
  unresolved('lb-oranges--tv5monde-fr', '29 décembre');
  unresolved('de-aachen--rponline', 'Donnerstag');
});
