// Writes a Spectral ruleset (JSON) that applies schemas/event.schema.json to the whole document.
//   node scripts/bench/spectral-ruleset.mjs OUT.json
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function writeSpectralRuleset(out) {
  const schema = JSON.parse(readFileSync(join(REPO, 'schemas', 'event.schema.json'), 'utf8'));
  const ruleset = {
    rules: {
      'event-schema': {
        description: 'The event matches schemas/event.schema.json.',
        given: '$',
        severity: 'error',
        then: { function: 'schema', functionOptions: { schema, dialect: 'draft2020-12', allErrors: true } },
      },
    },
  };
  writeFileSync(out, JSON.stringify(ruleset));
  return out;
}

if (process.argv[2]) writeSpectralRuleset(process.argv[2]);
