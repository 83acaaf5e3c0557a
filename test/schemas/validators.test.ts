/**
 * The validators generated ahead of time from the schemas (server/src/core/schema/generated): up to date,
 * giving exactly the errors of ajv's runtime compilation, and leaving ajv's compiler unused as long
 * as the documents are valid.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { BUILTIN_SCHEMAS, type FileKind, parseFile, validateValue } from '../../server/src/core';
import { AJV_OPTIONS, createValidators } from '../../server/src/core/schema/generated/validators';
import { SAMPLES } from '../helpers/dataset';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

const SAMPLE_FILES: [string, FileKind][] = [
  ['haulcheck.yaml', 'config'],
  ['registries/drugs.yaml', 'drugs'],
  ['registries/agencies.yaml', 'agencies'],
  ...walk(join(SAMPLES, 'events'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => [f.slice(SAMPLES.length + 1), 'event'] as [string, FileKind]),
];

function sample(rel: string): unknown {
  return parseFile(readFileSync(join(SAMPLES, rel), 'utf8')).docs[0].value;
}

/** Counts the schemas ajv compiles at run time while `fn` runs. */
function compilesDuring(fn: () => void): number {
  const proto = Ajv2020.prototype as unknown as { compile: (...args: unknown[]) => unknown };
  const own = Object.prototype.hasOwnProperty.call(proto, 'compile');
  const original = proto.compile;
  let count = 0;
  proto.compile = function (this: unknown, ...args: unknown[]) {
    count++;
    return original.apply(this, args);
  };
  try {
    fn();
  } finally {
    if (own) proto.compile = original;
    else delete (proto as { compile?: unknown }).compile;
  }
  return count;
}

// First in this file: nothing has been validated yet in this process.
test('valid documents of every kind are validated without compiling a schema', () => {
  const n = compilesDuring(() => {
    for (const [rel, kind] of SAMPLE_FILES) assert.deepEqual(validateValue(BUILTIN_SCHEMAS[kind], sample(rel)), [], rel);
  });
  assert.equal(n, 0);
});

test('an invalid document compiles only the anyOf branches it re-validates, once', () => {
  const event = structuredClone(sample(SAMPLE_FILES.find(([, k]) => k === 'event')![0])) as { seizures: Record<string, unknown>[] };
  event.seizures[0].count = '400,000';
  let problems: ReturnType<typeof validateValue> = [];
  const first = compilesDuring(() => (problems = validateValue(BUILTIN_SCHEMAS.event, event)));
  assert.ok(first > 0);
  assert.deepEqual(
    problems.map((p) => [p.keyword, p.pointer]),
    [['type', '/seizures/0/count']],
  );
  assert.match(problems[0].message, /should be a number, a figure \(with source\) or a list of figures, but is the text "400,000"/);
  assert.equal(
    compilesDuring(() => assert.deepEqual(validateValue(BUILTIN_SCHEMAS.event, event), problems)),
    0,
  );
});

test('the generated validators are up to date with schemas/*.schema.json', () => {
  const r = spawnSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'gen-validators.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr + r.stdout);
});

const WRONG_VALUES: unknown[] = ['x', '', 42, -1, 0.5, null, true, [], ['a'], {}, { value: 'x' }, '2026-13-45', '22/02/2026', 'not a url', 'SYR'];

/** The document with one change: each value replaced, each key renamed, each key removed, in turn. */
function* variants(doc: unknown): Generator<unknown> {
  yield doc;
  const paths: (string | number)[][] = [];
  const collect = (v: unknown, p: (string | number)[]) => {
    if (p.length) paths.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => collect(x, [...p, i]));
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) collect((v as Record<string, unknown>)[k], [...p, k]);
  };
  collect(doc, []);
  for (const [i, p] of paths.entries()) {
    const edits: ((parent: Record<string | number, unknown>, key: string | number) => void)[] = [
      (parent, key) => (parent[key] = structuredClone(WRONG_VALUES[i % WRONG_VALUES.length])),
      (parent, key) => (parent[key] = structuredClone(WRONG_VALUES[(i * 7 + 3) % WRONG_VALUES.length])),
      (parent, key) => {
        if (Array.isArray(parent)) parent.push(structuredClone(parent[0]));
        else {
          parent[`${key}_`] = parent[key];
          delete parent[key];
        }
      },
      (parent, key) => {
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
      },
    ];
    for (const edit of edits) {
      const copy = structuredClone(doc);
      let parent = copy as Record<string | number, unknown>;
      for (const seg of p.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
      edit(parent, p[p.length - 1]);
      yield copy;
    }
  }
}

test('the generated validators give the errors of the runtime-compiled ones, schema objects included', () => {
  const generated = createValidators(BUILTIN_SCHEMAS);
  const runtime = Object.fromEntries(
    (Object.keys(BUILTIN_SCHEMAS) as FileKind[]).map((kind) => {
      const ajv = new Ajv2020({ ...AJV_OPTIONS });
      addFormats(ajv);
      return [kind, ajv.compile(BUILTIN_SCHEMAS[kind])];
    }),
  );
  const keywords = new Set<string>();
  let documents = 0;
  let errors = 0;
  for (const [rel, kind] of SAMPLE_FILES) {
    for (const doc of variants(sample(rel))) {
      documents++;
      const okGenerated = generated[kind](doc);
      const okRuntime = runtime[kind](doc);
      assert.equal(okGenerated, okRuntime, rel);
      const a = generated[kind].errors ?? [];
      const b = runtime[kind].errors ?? [];
      assert.equal(a.length, b.length, rel);
      a.forEach((e, i) => {
        const r = b[i];
        const { schema, parentSchema, data, ...rest } = e as ErrorObject & { data: unknown };
        const { schema: rSchema, parentSchema: rParent, data: rData, ...rRest } = r as ErrorObject & { data: unknown };
        assert.deepStrictEqual(rest, rRest, rel);
        // The very objects, not copies: the messages look definitions up by identity.
        assert.ok(schema === rSchema || (typeof schema !== 'object' && Object.is(schema, rSchema)), `${rel}: ${e.schemaPath} schema`);
        assert.ok(parentSchema === rParent, `${rel}: ${e.schemaPath} parentSchema`);
        assert.ok(data === rData, `${rel}: ${e.instancePath} data`);
        keywords.add(e.keyword);
        errors++;
      });
    }
  }
  assert.ok(documents > 1000, `${documents} documents`);
  assert.ok(errors > 1000, `${errors} errors`);
  for (const k of ['required', 'additionalProperties', 'type', 'enum', 'pattern', 'format', 'anyOf']) assert.ok(keywords.has(k), `no ${k} error compared`);
});
