// The floor: one Node process that reads every event file, parses it with `yaml` (parseDocument,
// YAML 1.2) and validates it with one compiled ajv validator. What any schema check in Node costs.
//   node scripts/bench/floor.mjs DATASET
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import { parseAllDocuments } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const root = resolve(process.argv[2]);
const t0 = performance.now();
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(REPO, 'schemas', 'event.schema.json'), 'utf8')));
const t1 = performance.now();
const files = await glob('events/**/*.yaml', { cwd: root, absolute: true });
let findings = 0;
let bytes = 0;
let parseMs = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  bytes += text.length;
  const p = performance.now();
  const docs = parseAllDocuments(text, { version: '1.2' });
  const values = docs.map((d) => d.toJS());
  parseMs += performance.now() - p;
  for (const v of values) if (!validate(v)) findings += validate.errors.length;
}
const t2 = performance.now();
process.stdout.write(JSON.stringify({ files: files.length, findings, compileMs: t1 - t0, ms: t2 - t0, parseMs, parseMBps: bytes / 1e6 / (parseMs / 1000) }) + '\n');
