/** The schemas: every property described (hovers show it), country codes from the maintained library. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BUILTIN_SCHEMAS } from '../../server/src/core';

function undescribed(schema: unknown, at: string, out: string[]) {
  if (!schema || typeof schema !== 'object') return;
  const s = schema as Record<string, unknown>;
  for (const key of ['properties', '$defs'] as const) {
    const m = s[key] as Record<string, Record<string, unknown>> | undefined;
    if (!m) continue;
    for (const [name, sub] of Object.entries(m)) {
      if (typeof sub.description !== 'string' || sub.description.length < 10) out.push(`${at}/${key}/${name}`);
      undescribed(sub, `${at}/${key}/${name}`, out);
    }
  }
  for (const key of ['items', 'additionalProperties', 'then', 'else', 'if']) undescribed(s[key], `${at}/${key}`, out);
  for (const key of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(s[key])) (s[key] as unknown[]).forEach((b, i) => undescribed(b, `${at}/${key}/${i}`, out));
}

for (const [kind, schema] of Object.entries(BUILTIN_SCHEMAS)) {
  test(`${kind} schema: every property and definition has a description`, () => {
    const missing: string[] = [];
    undescribed(schema, '#', missing);
    assert.deepEqual(missing, []);
  });
}

test('country codes in the schemas match i18n-iso-countries', () => {
  const r = spawnSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'gen-schemas.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr + r.stdout);
});

test('no schema refers to anything outside itself (the tool never fetches)', () => {
  const refs: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === '$ref' && typeof x === 'string' && !x.startsWith('#')) refs.push(x);
        walk(x);
      }
  };
  walk(BUILTIN_SCHEMAS);
  assert.deepEqual(refs, []);
});
