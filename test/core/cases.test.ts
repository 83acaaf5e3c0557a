/** Runs the data-driven cases in test/fixtures/core/cases.yaml. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { FileKind } from '../../server/src/core';
import { brief, check } from '../helpers/check';

interface Case {
  name: string;
  kind?: FileKind;
  text?: string;
  file?: string;
  base?: string;
  replace?: [string, string];
  expect: string[];
  messages?: Record<string, string>;
}

const dir = join(__dirname, '..', 'fixtures', 'core');
const cases = parse(readFileSync(join(dir, 'cases.yaml'), 'utf8')) as Case[];

for (const c of cases) {
  test(c.name, () => {
    let text: string;
    if (c.file) text = readFileSync(join(dir, c.file), 'utf8');
    else if (c.base) {
      const base = readFileSync(join(dir, c.base), 'utf8');
      assert.ok(c.replace && base.includes(c.replace[0]), `replace target not found in ${c.base}: ${c.replace?.[0]}`);
      text = base.replace(c.replace[0], c.replace[1]);
    } else text = c.text ?? '';
    const findings = check(text, c.kind ?? 'event');
    assert.deepEqual(brief(findings), c.expect, findings.map((f) => f.message).join('\n'));
    for (const [i, fragment] of Object.entries(c.messages ?? {})) {
      assert.ok(findings[Number(i)].message.includes(fragment), `finding ${i}: "${findings[Number(i)].message}" lacks "${fragment}"`);
    }
  });
}
