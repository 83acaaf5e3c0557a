/**
 * The core's layers, read from its imports: a module imports only from its own layer or the layers
 * below it, and nothing in the core imports the file system, the process, the network or LSP.
 *
 *   base      types, positions, pointers, memo tables, number formatting
 *   read      text readers: numbers, units, calendar, date words, places, countries
 *   yaml      YAML readers and node placement
 *   schema    JSON Schemas and their validators
 *   model     the event model, the dataset, its index and configuration
 *   rules     the rule framework, the engine, fixes, suppressions and every rule
 *   editor    hover, completion, outline, inlay hints, code actions
 *   extract   an article read into a draft event, its YAML, and its addition to an event
 *   report    the dataset summed up for analysis: what each figure keeps, totals, rows for export
 * (editor, extract and report are one rank: none of them imports another)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const CORE = resolve('server/src/core');
const RANK: Record<string, number> = { base: 0, read: 1, yaml: 1, schema: 2, model: 3, rules: 4, extract: 5, editor: 5, report: 5 };

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|js)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const layerOf = (file: string): string | undefined => relative(CORE, file).split('/')[0];

const imports = (text: string): string[] =>
  [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );

const FILES = walk(CORE);

test('every core module sits in a layer folder (or is the core barrel)', () => {
  const loose = FILES.filter((f) => !(layerOf(f)! in RANK) && relative(CORE, f) !== 'index.ts');
  assert.deepEqual(loose.map((f) => relative(CORE, f)), []);
});

test('lower layers never import higher ones, and read and yaml do not import each other', () => {
  const wrong: string[] = [];
  for (const file of FILES) {
    const from = layerOf(file)!;
    if (!(from in RANK)) continue;
    for (const spec of imports(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      const to = layerOf(target);
      if (!to || !(to in RANK)) {
        if (relative(CORE, target).startsWith('..')) continue; // schemas/*.json at the root of the project
        wrong.push(`${relative(CORE, file)} imports the core barrel (${spec})`);
        continue;
      }
      if (RANK[to] > RANK[from] || (RANK[to] === RANK[from] && to !== from)) wrong.push(`${relative(CORE, file)} (${from}) imports ${spec} (${to})`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('the core imports no IO, process, network or LSP module', () => {
  const banned = /^(?:node:|fs$|path$|os$|child_process$|worker_threads$|net$|http|https$|url$|crypto$|vscode)/;
  const wrong: string[] = [];
  for (const file of FILES) {
    const text = readFileSync(file, 'utf8');
    for (const spec of imports(text)) if (banned.test(spec)) wrong.push(`${relative(CORE, file)}: ${spec}`);
    // `process.` outside comments and strings would read the environment or the clock of the host.
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
    if (/\bprocess\.(?:env|argv|cwd|exit|stdout|stderr|platform)\b/.test(code)) wrong.push(`${relative(CORE, file)}: uses process`);
  }
  assert.deepEqual(wrong, []);
});
