// Writes the ISO 3166-1 alpha-2 country list from i18n-iso-countries into every schema's
// `countryCode` / `nullableCountryCode` definitions. `--check` only reports drift (used by tests).
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries');
const codes = Object.keys(countries.getAlpha2Codes()).sort();
const check = process.argv.includes('--check');
const dir = new URL('../schemas/', import.meta.url).pathname;
let drift = 0;
for (const name of readdirSync(dir).filter((n) => n.endsWith('.schema.json'))) {
  const file = join(dir, name);
  const before = readFileSync(file, 'utf8');
  const schema = JSON.parse(before);
  for (const [def, withNull] of [['countryCode', false], ['nullableCountryCode', true]]) {
    if (schema.$defs?.[def]) schema.$defs[def].enum = withNull ? [...codes, null] : [...codes];
  }
  const after = JSON.stringify(schema, null, 2) + '\n';
  if (after !== before) {
    drift++;
    if (check) console.error(`${name}: country codes differ from i18n-iso-countries`);
    else writeFileSync(file, after);
  }
}
if (check && drift) process.exit(1);
console.log(`${codes.length} country codes; ${drift} schema file(s) ${check ? 'out of date' : 'updated'}`);
