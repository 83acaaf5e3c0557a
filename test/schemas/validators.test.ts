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
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ALL_RULES, BUILTIN_SCHEMAS, type FileKind, parseFile, validateValue } from '../../server/src/core';
import { AJV_OPTIONS, type StandaloneValidator, createBranchValidators, createOptionValidators, createValidators } from '../../server/src/core/schema/generated/validators';
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

test('an invalid document is validated without compiling a schema either (its anyOf branches are generated too)', () => {
  const event = structuredClone(sample(SAMPLE_FILES.find(([, k]) => k === 'event')![0])) as { seizures: Record<string, unknown>[] };
  event.seizures[0].count = '400,000';
  let problems: ReturnType<typeof validateValue> = [];
  assert.equal(
    compilesDuring(() => (problems = validateValue(BUILTIN_SCHEMAS.event, event))),
    0,
  );
  assert.deepEqual(
    problems.map((p) => [p.keyword, p.pointer]),
    [['type', '/seizures/0/count']],
  );
  assert.match(problems[0].message, /should be a number, a figure \(with source\) or a list of figures, but is the text "400,000"/);
});

test("every variant of every sample, and every rule's options, are validated without compiling a schema", () => {
  let documents = 0;
  let problems = 0;
  const n = compilesDuring(() => {
    for (const [rel, kind] of SAMPLE_FILES)
      for (const doc of variants(sample(rel))) {
        documents++;
        problems += validateValue(BUILTIN_SCHEMAS[kind], doc).length;
      }
    for (const rule of ALL_RULES) {
      if (!rule.meta.optionsSchema) continue;
      for (const options of [{}, { x: 1 }, { tolerance: 'a', days: -1, slack: -1, perKg: ['x'], roundMg: null, openBound: 0 }, 'text', []]) {
        problems += validateValue(rule.meta.optionsSchema, options).length;
      }
    }
  });
  assert.equal(n, 0);
  assert.ok(documents > 1000 && problems > 1000, `${documents} documents, ${problems} problems`);
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

/** A validator compiled at run time, as validate.ts compiled a branch before they were generated. */
function runtimeCompiled(schema: object): ValidateFunction {
  const strict = new Ajv2020({ ...AJV_OPTIONS, validateSchema: false });
  addFormats(strict);
  try {
    return strict.compile(schema);
  } catch {
    const lenient = new Ajv2020({ ...AJV_OPTIONS, validateSchema: false, strictTypes: false });
    addFormats(lenient);
    return lenient.compile(schema);
  }
}

/** Both validators' errors on `value`, compared; schema objects by identity where the roots hold them. */
function sameErrors(a: ValidateFunction | StandaloneValidator, b: ValidateFunction, value: unknown, what: string, owned: (o: unknown) => boolean): number {
  assert.equal(a(value), b(value), what);
  const ea = a.errors ?? [];
  const eb = b.errors ?? [];
  assert.equal(ea.length, eb.length, what);
  ea.forEach((e, i) => {
    const { schema, parentSchema, data, ...rest } = e as ErrorObject & { data: unknown };
    const { schema: rSchema, parentSchema: rParent, data: rData, ...rRest } = eb[i] as ErrorObject & { data: unknown };
    assert.deepStrictEqual(rest, rRest, what);
    assert.deepStrictEqual(schema, rSchema, what);
    assert.deepStrictEqual(parentSchema, rParent, what);
    // The objects of the schemas themselves, not copies (a branch's own wrapper is a new object either way).
    if (owned(rParent)) assert.ok(parentSchema === rParent, `${what}: ${e.schemaPath} parentSchema`);
    assert.ok(data === rData, `${what}: ${e.instancePath} data`);
  });
  return ea.length;
}

test('the generated branch validators give the errors of the branches compiled at run time', () => {
  const branches = createBranchValidators(BUILTIN_SCHEMAS);
  assert.ok(branches.length >= 20, `${branches.length} branches`);
  const inRoots = new Set<unknown>();
  const collect = (v: unknown) => {
    if (!v || typeof v !== 'object' || inRoots.has(v)) return;
    inRoots.add(v);
    for (const x of Object.values(v)) collect(x);
  };
  for (const root of Object.values(BUILTIN_SCHEMAS)) collect(root);
  const values = [...WRONG_VALUES, { value: 1, unit: 'kg', source: 'x' }, { on: '2026-01-01', source: 'a' }, { country: 'SY' }, { amount: 1, currency: 'USD' }];
  // Each branch is found in its root, and validates with that root's $defs.
  const rootOf = (branch: object) => (Object.keys(BUILTIN_SCHEMAS) as FileKind[]).find((k) => {
    const seen = new Set<unknown>();
    const has = (v: unknown): boolean => {
      if (v === branch) return true;
      if (!v || typeof v !== 'object' || seen.has(v)) return false;
      seen.add(v);
      return Object.values(v).some(has);
    };
    return has(BUILTIN_SCHEMAS[k]);
  })!;
  let errors = 0;
  for (const [branch, validate] of branches) {
    const root = BUILTIN_SCHEMAS[rootOf(branch)];
    const { $id: _i, $schema: _s, ...rest } = branch as Record<string, unknown>;
    const runtime = runtimeCompiled(root.$defs ? { $defs: root.$defs, ...rest } : rest);
    for (const v of values) errors += sameErrors(validate, runtime, v, JSON.stringify(branch).slice(0, 60), (o) => inRoots.has(o));
  }
  assert.ok(errors > 100, `${errors} errors compared`);
});

test("the generated options validators are the rules' options schemas, and give the errors of run-time ones", () => {
  const generatedOptions = createOptionValidators();
  const withOptions = ALL_RULES.filter((r) => r.meta.optionsSchema);
  assert.deepEqual(Object.keys(generatedOptions.schemas).sort(), withOptions.map((r) => r.meta.id).sort());
  let errors = 0;
  for (const rule of withOptions) {
    assert.deepStrictEqual(generatedOptions.schemas[rule.meta.id], JSON.parse(JSON.stringify(rule.meta.optionsSchema)), rule.meta.id);
    const runtime = runtimeCompiled(rule.meta.optionsSchema!);
    for (const v of [{}, { x: 1 }, { tolerance: 2, days: 'x', slack: -1, perKg: [0, 'a'], roundMg: -2, openBound: 0.5 }, 'x', [], null])
      errors += sameErrors(generatedOptions.validators[rule.meta.id], runtime, v, rule.meta.id, () => false);
  }
  assert.ok(errors > 10, `${errors} errors compared`);
});
