/**
 * ajv validation with errors a data maintainer can read: every error is placed on its node, and
 * anyOf/oneOf noise is collapsed to the branch that best matches the data.
 *
 * The schemas of `schemas/`, each of their anyOf/oneOf branches (re-validated on their own when a
 * document has errors) and every rule's options schema are validated by code ajv generated ahead
 * of time (`generated/validators.js`, from `npm run build`): nothing is compiled at start-up or
 * while checking. Only other schemas are compiled at run time (compile.ts), on first use; the
 * browser build has no run-time compiler at all.
 */
import type { ErrorObject } from 'ajv/dist/2020';
import { closest, distance } from 'fastest-levenshtein';
import { createBranchValidators, createOptionValidators, createValidators, type StandaloneValidator } from './generated/validators';
import { type SchemaCompiler, newCompiler } from './compile';
import { BUILTIN_SCHEMAS, type JsonSchema } from './schemas';
import { parsePointer, pointerToPath } from '../base/pointer';
import { alpha3ToAlpha2 } from '../read/countries';

/** One schema problem, before it is placed in the text. */
export interface SchemaProblem {
  keyword: string;
  /** Pointer of the value concerned (for `required`/`additionalProperties`: of the key concerned). */
  pointer: string;
  /** Place the problem on the key (`required`: the parent's key; `additionalProperties`: the key itself). */
  at: 'key' | 'value' | 'parent-key';
  message: string;
  data: Record<string, unknown>;
}

interface CompiledSet {
  root: JsonSchema;
  validate: StandaloneValidator;
  defNames: Map<unknown, string>;
  branchValidators: WeakMap<object, StandaloneValidator>;
  /** Compiles the branches that have no generated validator (created on first use). */
  ajv?: SchemaCompiler;
  /** For branches that strict mode refuses out of their context. */
  lenient?: SchemaCompiler;
}

const compiled = new WeakMap<JsonSchema, CompiledSet>();

interface Generated {
  /** The generated validator of each built-in schema, by schema object. */
  schemas: Map<JsonSchema, StandaloneValidator>;
  /** The rules' options schemas as generated (by their JSON text): the schema object its errors refer to, and its validator. */
  options: Map<string, { schema: JsonSchema; validate: StandaloneValidator }>;
  /** The generated validator of every anyOf/oneOf branch of those, by branch object. */
  branches: Map<object, StandaloneValidator>;
}

let generated: Generated | undefined;

function generatedValidators(): Generated {
  if (!generated) {
    const validators = createValidators(BUILTIN_SCHEMAS);
    const schemas = new Map<JsonSchema, StandaloneValidator>();
    for (const [kind, schema] of Object.entries(BUILTIN_SCHEMAS)) schemas.set(schema, validators[kind as keyof typeof validators]);
    const opts = createOptionValidators();
    const options = new Map<string, { schema: JsonSchema; validate: StandaloneValidator }>();
    for (const [id, schema] of Object.entries(opts.schemas)) options.set(JSON.stringify(schema), { schema: schema as JsonSchema, validate: opts.validators[id] });
    generated = { schemas, options, branches: new Map([...createBranchValidators(BUILTIN_SCHEMAS), ...opts.branches]) };
  }
  return generated;
}

/**
 * The generated validator of a schema, and the schema object its errors refer to: the schema
 * itself (built-in), or the generated copy of a rule's options schema with the same JSON text.
 */
function generatedFor(root: JsonSchema): { root: JsonSchema; validate: StandaloneValidator } | undefined {
  const g = generatedValidators();
  const builtin = g.schemas.get(root);
  if (builtin) return { root, validate: builtin };
  const option = g.options.get(JSON.stringify(root));
  return option ? { root: option.schema, validate: option.validate } : undefined;
}

function compile(root: JsonSchema): CompiledSet {
  let set = compiled.get(root);
  if (!set) {
    const gen = generatedFor(root);
    let ajv: SchemaCompiler | undefined;
    let validate = gen?.validate;
    if (!validate) {
      ajv = newCompiler();
      validate = ajv.compile(root);
    }
    const schema = gen?.root ?? root;
    const defNames = new Map<unknown, string>();
    const defs = (schema.$defs ?? schema.definitions) as Record<string, unknown> | undefined;
    if (defs) for (const [name, def] of Object.entries(defs)) defNames.set(def, name);
    set = { ajv, root: schema, validate, defNames, branchValidators: new WeakMap() };
    compiled.set(root, set);
  }
  return set;
}

/** Prepares a schema's validator ahead of time (start-up cost paid once). Throws if the schema is invalid. */
export function precompile(root: JsonSchema): void {
  compile(root);
}

function branchValidator(set: CompiledSet, branch: JsonSchema): StandaloneValidator {
  let v = set.branchValidators.get(branch) ?? generatedValidators().branches.get(branch);
  if (!v) {
    const { $id: _id, $schema: _s, ...rest } = branch as Record<string, unknown>;
    const defs = set.root.$defs ? { $defs: set.root.$defs } : {};
    try {
      // A branch is part of a schema already checked against the meta-schema (the built-in ones
      // when their validators were generated): checking it again would only cost time.
      set.ajv ??= newCompiler({ validateSchema: false });
      v = set.ajv.compile({ ...defs, ...rest });
    } catch {
      // A branch taken out of its parent can lack the parent's `type` (strictTypes): compile it leniently.
      set.lenient ??= newCompiler({ strictTypes: false, validateSchema: false });
      v = set.lenient.compile({ ...defs, ...rest });
    }
  }
  set.branchValidators.set(branch, v);
  return v;
}

function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix + '/');
}

function prefixErrors(errors: ErrorObject[], prefix: string): ErrorObject[] {
  return errors.map((e) => ({ ...e, instancePath: prefix + e.instancePath }));
}

function valueAt(root: unknown, pointer: string): unknown {
  let cur = root;
  for (const seg of parsePointer(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Object.prototype.hasOwnProperty.call(cur, seg) ? (cur as Record<string, unknown>)[seg] : undefined;
  }
  return cur;
}

/** A branch whose own root has the wrong type does not describe the data at all. */
function rootMismatch(errors: ErrorObject[]): boolean {
  return errors.some((e) => e.instancePath === '' && e.keyword === 'type');
}

/** Fewer errors match better; a wrong value at the branch's root (enum, const) matches worse than errors inside. */
function branchScore(errors: ErrorObject[]): number {
  const rootValue = errors.some((e) => e.instancePath === '' && (e.keyword === 'const' || e.keyword === 'enum'));
  return errors.length + (rootValue ? 100 : 0);
}

/**
 * Replaces every failing anyOf/oneOf by the errors of its best branch (re-validated on its own),
 * or by one `type` error when no branch has the right shape.
 */
function collapse(set: CompiledSet, data: unknown, errors: ErrorObject[], depth = 0): ErrorObject[] {
  const idx = errors.findIndex((e) => (e.keyword === 'anyOf' || e.keyword === 'oneOf') && !(e.keyword === 'oneOf' && e.params && (e.params as { passingSchemas?: unknown }).passingSchemas));
  if (idx < 0 || depth > 50) return errors;
  const c = errors[idx];
  const P = c.instancePath;
  // The branch errors are the contiguous run just before the combinator error, all under P.
  let first = idx;
  while (first > 0 && under(errors[first - 1].instancePath, P)) first--;
  const before = errors.slice(0, first);
  const after = errors.slice(idx + 1);
  const branches = (Array.isArray(c.schema) ? c.schema : []) as JsonSchema[];
  const value = valueAt(data, P);
  let best: ErrorObject[] | undefined;
  let bestScore = Infinity;
  const mismatched: JsonSchema[] = [];
  for (const b of branches) {
    const v = branchValidator(set, b);
    if (v(value)) continue;
    const errs = v.errors ?? [];
    if (rootMismatch(errs)) {
      mismatched.push(b);
      continue;
    }
    const score = branchScore(errs);
    if (score < bestScore) {
      bestScore = score;
      best = errs;
    }
  }
  let replacement: ErrorObject[];
  if (best) {
    replacement = prefixErrors(best, P);
  } else {
    const expected = branches.map((b) => describeSchemaShape(set, b)).filter((s, i, a) => s && a.indexOf(s) === i);
    replacement = [
      {
        keyword: 'type',
        instancePath: P,
        schemaPath: c.schemaPath,
        params: { type: expected.join(', '), expectedShapes: expected },
        message: 'shape',
        schema: c.schema,
        parentSchema: c.parentSchema,
        data: value,
      } as ErrorObject,
    ];
  }
  const next = [...before, ...collapse(set, data, replacement, depth + 1), ...after];
  return collapse(set, data, next, depth + 1);
}

const TYPE_NOUN: Record<string, string> = {
  number: 'a number',
  integer: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  object: 'a mapping of keys',
  array: 'a list',
  null: 'null',
};

/** What a schema expects, in words: "a number", "a figure (value, unit, source)", "a list". */
function describeSchemaShape(set: CompiledSet, s: JsonSchema): string {
  let schema = s;
  let name: string | undefined;
  for (let i = 0; i < 10 && typeof schema.$ref === 'string'; i++) {
    const ref = schema.$ref as string;
    name = ref.split('/').pop();
    const defs = set.root.$defs as Record<string, JsonSchema> | undefined;
    const next = name && defs ? defs[name] : undefined;
    if (!next) break;
    schema = next;
  }
  name = set.defNames.get(schema) ?? name;
  const t = schema.type;
  if (t === 'array') {
    const item = schema.items as JsonSchema | undefined;
    return item ? `a list of ${plural(describeSchemaShape(set, item))}` : 'a list';
  }
  if (t === 'object') {
    const req = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    const label = name ? humanName(name) : 'a mapping';
    return req.length ? `${label} (with ${req.join(', ')})` : label;
  }
  if (typeof t === 'string') return TYPE_NOUN[t] ?? t;
  if (Array.isArray(t)) return t.map((x) => TYPE_NOUN[String(x)] ?? String(x)).join(' or ');
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).map((b) => describeSchemaShape(set, b)).join(', ');
  return name ? humanName(name) : 'something else';
}

function humanName(defName: string): string {
  const words = defName.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return /^[aeiou]/.test(words) ? `an ${words}` : `a ${words}`;
}

function plural(noun: string): string {
  return noun.replace(/^an? /, '').replace(/ \(.*\)$/, '').replace(/^(\w+)/, '$1s');
}

/** The data, in words, for messages: `the text "400,000"`, `the number 5`, `a list`. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 60 ? v.slice(0, 57) + '…' : v)}`;
  if (typeof v === 'number') return Number.isFinite(v) ? `the number ${v}` : `the number ${v} (not a finite number)`;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'a list';
  return 'a mapping of keys';
}

function where(pointer: string): string {
  const p = pointerToPath(pointer);
  return p ? `"${p}"` : 'the document';
}

function suggestion(value: string, candidates: string[]): string | undefined {
  if (!candidates.length) return undefined;
  const c = closest(value, candidates);
  const limit = Math.max(2, Math.ceil(value.length / 3));
  if (distance(value.toLowerCase(), c.toLowerCase()) <= limit) return c;
  return candidates.find((k) => k.toLowerCase() === value.toLowerCase());
}

const DEF_EXPECTATION: Record<string, string> = {
  partialDate: 'a date written YYYY, YYYY-MM or YYYY-MM-DD (for example 2026-02-22)',
  sourceId: 'a source id: lowercase letters, digits, "-" and "_" (for example thenational)',
  registryId: 'a registry id: lowercase letters, digits, ".", "-" and "_" (for example captagon)',
  countryCode: 'an ISO 3166-1 alpha-2 country code (for example SY, IQ, LB)',
  nullablePartialDate: 'a date written YYYY, YYYY-MM or YYYY-MM-DD (for example 2026-02-22), or null when the source gives none',
  nullableCountryCode: 'an ISO 3166-1 alpha-2 country code (for example SY, IQ, LB), or null',
};

function defOf(set: CompiledSet, e: ErrorObject): string | undefined {
  return set.defNames.get(e.parentSchema) ?? undefined;
}

function toProblem(set: CompiledSet, e: ErrorObject): SchemaProblem {
  const P = e.instancePath;
  const params = e.params as Record<string, unknown>;
  const def = defOf(set, e);
  const data: Record<string, unknown> = { keyword: e.keyword, params };
  switch (e.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      data.missingProperty = missing;
      return {
        keyword: 'required',
        pointer: `${P}/${missing.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        at: 'parent-key',
        message: `Missing required key "${missing}" in ${where(P)}.`,
        data,
      };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys((e.parentSchema?.properties as Record<string, unknown>) ?? {});
      const s = suggestion(extra, allowed);
      Object.assign(data, { additionalProperty: extra, allowed, suggestion: s });
      const hint = s ? ` Did you mean "${s}"?` : allowed.length ? ` Allowed keys: ${allowed.join(', ')}.` : '';
      return {
        keyword: 'additionalProperties',
        pointer: `${P}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        at: 'key',
        message: `Unknown key "${extra}" in ${where(P)}.${hint}`,
        data,
      };
    }
    case 'enum': {
      const allowed = ((params.allowedValues as unknown[]) ?? []).map(String);
      const s =
        typeof e.data !== 'string'
          ? undefined
          : (def === 'countryCode' || def === 'nullableCountryCode') && /^[A-Za-z]{3}$/.test(e.data)
            ? alpha3ToAlpha2(e.data.toUpperCase()) ?? suggestion(e.data, allowed)
            : suggestion(e.data, allowed);
      Object.assign(data, { allowed, suggestion: s, value: e.data });
      const expect =
        def && DEF_EXPECTATION[def]
          ? DEF_EXPECTATION[def]
          : allowed.length <= 12
            ? `one of ${allowed.join(', ')}`
            : `one of the ${allowed.length} allowed values`;
      return {
        keyword: 'enum',
        pointer: P,
        at: 'value',
        message: `${where(P)} is ${describeValue(e.data)}; expected ${expect}.${s ? ` Did you mean "${s}"?` : ''}`,
        data,
      };
    }
    case 'const': {
      Object.assign(data, { allowed: [params.allowedValue], value: e.data });
      return { keyword: 'const', pointer: P, at: 'value', message: `${where(P)} must be ${JSON.stringify(params.allowedValue)}, not ${describeValue(e.data)}.`, data };
    }
    case 'type': {
      const shapes = params.expectedShapes as string[] | undefined;
      const t = params.type;
      const expected = shapes
        ? shapes.length > 1
          ? shapes.slice(0, -1).join(', ') + ' or ' + shapes[shapes.length - 1]
          : shapes[0]
        : (Array.isArray(t) ? t : String(t).split(',')).map((x) => TYPE_NOUN[String(x).trim()] ?? x).join(' or ');
      Object.assign(data, { expected, value: e.data });
      const empty = P === '' && (e.data === null || e.data === undefined);
      return {
        keyword: 'type',
        pointer: P,
        at: 'value',
        message: empty
          ? `The document is empty; expected ${expected}.`
          : `${where(P)} should be ${expected}, but is ${describeValue(e.data)}.`,
        data,
      };
    }
    case 'pattern':
    case 'format': {
      const expect =
        (def && DEF_EXPECTATION[def]) ||
        (e.keyword === 'format' ? formatNoun(String(params.format)) : `text matching ${String(params.pattern)}`);
      Object.assign(data, { value: e.data, expected: expect });
      return { keyword: e.keyword, pointer: P, at: 'value', message: `${where(P)} is ${describeValue(e.data)}; expected ${expect}.`, data };
    }
    case 'minItems':
    case 'maxItems': {
      const limit = Number(params.limit);
      const n = Array.isArray(e.data) ? e.data.length : 0;
      Object.assign(data, { limit, count: n });
      const msg =
        e.keyword === 'minItems'
          ? `${where(P)} needs at least ${limit} ${limit === 1 ? 'item' : 'items'}, but has ${n}.`
          : `${where(P)} may have at most ${limit} ${limit === 1 ? 'item' : 'items'}, but has ${n}.`;
      return { keyword: e.keyword, pointer: P, at: 'value', message: msg, data };
    }
    case 'minLength': {
      return { keyword: e.keyword, pointer: P, at: 'value', message: `${where(P)} must not be empty.`, data };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const cmp = String(params.comparison);
      Object.assign(data, { limit: params.limit, value: e.data });
      return { keyword: e.keyword, pointer: P, at: 'value', message: `${where(P)} must be ${cmp} ${String(params.limit)}, but is ${String(e.data)}.`, data };
    }
    case 'uniqueItems': {
      return { keyword: e.keyword, pointer: P, at: 'value', message: `${where(P)} has the same item twice (items ${String(params.j)} and ${String(params.i)}).`, data };
    }
    case 'oneOf': {
      return { keyword: e.keyword, pointer: P, at: 'value', message: `${where(P)} matches more than one allowed form; make it unambiguous.`, data };
    }
    case 'propertyNames': {
      return { keyword: e.keyword, pointer: `${P}/${String(params.propertyName)}`, at: 'key', message: `Key "${String(params.propertyName)}" in ${where(P)} is not allowed here.`, data };
    }
    default:
      return { keyword: e.keyword, pointer: P, at: 'value', message: `${where(P)}: ${e.message ?? 'is not valid'}.`, data };
  }
}

function formatNoun(format: string): string {
  switch (format) {
    case 'uri':
      return 'an absolute URL (for example https://example.org/article)';
    case 'date':
      return 'a date YYYY-MM-DD';
    default:
      return `a valid ${format}`;
  }
}

/** Validates plain data against a schema and returns maintainer-facing problems, noise removed. */
export function validateValue(schema: JsonSchema, value: unknown): SchemaProblem[] {
  const set = compile(schema);
  if (set.validate(value)) return [];
  const collapsed = collapse(set, value, set.validate.errors ?? []);
  // An `if` error only says "the then/else branch failed"; that branch's own errors say why.
  const meaningful = collapsed.filter(
    (e) => e.keyword !== 'if' || !collapsed.some((o) => o !== e && o.keyword !== 'if' && under(o.instancePath, e.instancePath)),
  );
  const problems = meaningful.map((e) => toProblem(set, e));
  // Duplicates (the same keyword on the same pointer) can remain after collapsing.
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.keyword}\0${p.pointer}\0${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
