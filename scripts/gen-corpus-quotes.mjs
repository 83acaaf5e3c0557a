// Extracts from the development corpus (../shared/corpus/reports.jsonl) what the text readers' tests
// need: each report's language, publication date, transcribed figures and dates, and its verbatim
// quotes, into test/read/fixtures/corpus-quotes.json. Run again when the corpus changes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = process.argv[2] ?? join(root, '..', 'shared', 'corpus', 'reports.jsonl');
const FIELDS = ['key', 'language', 'published', 'event_date', 'event_date_precision', 'as_reported', 'country', 'count', 'count_qualifier', 'weight', 'weight_unit', 'weight_qualifier', 'arrests', 'quotes'];
const reports = readFileSync(source, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l))
  .map((r) => Object.fromEntries(FIELDS.map((f) => [f, r[f] ?? null])));
writeFileSync(join(root, 'test', 'read', 'fixtures', 'corpus-quotes.json'), JSON.stringify(reports, null, 1) + '\n');
console.log(`${reports.length} reports`);
