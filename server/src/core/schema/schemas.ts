/**
 * The JSON Schemas shipped in `schemas/`, bundled into the core so that it needs no file access
 * (and so that a browser build works). Remote `$ref`s are never fetched: ajv has no loader here.
 */
import event from '../../../../schemas/event.schema.json';
import drugs from '../../../../schemas/drugs.schema.json';
import agencies from '../../../../schemas/agencies.schema.json';
import config from '../../../../schemas/config.schema.json';
import type { FileKind } from '../base/types';

export type JsonSchema = Record<string, unknown>;

export const BUILTIN_SCHEMAS: Readonly<Record<FileKind, JsonSchema>> = {
  event: event as JsonSchema,
  drugs: drugs as JsonSchema,
  agencies: agencies as JsonSchema,
  config: config as JsonSchema,
};

/** Resolves a local `#/...` reference inside a schema; undefined for anything else. */
export function resolveLocalRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let cur: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur && typeof cur === 'object' ? (cur as JsonSchema) : undefined;
}

/**
 * The sub-schemas that describe the value at a JSON pointer (following local `$ref`s, array items,
 * and every branch of anyOf/oneOf/allOf). Used for hovers and completion.
 */
export function schemasAt(root: JsonSchema, segments: readonly (string | number)[]): JsonSchema[] {
  let current: JsonSchema[] = expand(root, root, new Set());
  for (const seg of segments) {
    const next: JsonSchema[] = [];
    for (const s of current) {
      const props = s.properties as Record<string, JsonSchema> | undefined;
      if (typeof seg === 'string' && props && props[seg]) next.push(...expand(root, props[seg], new Set()));
      const items = s.items as JsonSchema | undefined;
      if ((typeof seg === 'number' || /^\d+$/.test(String(seg))) && items && typeof items === 'object') {
        next.push(...expand(root, items, new Set()));
      }
      const extra = s.additionalProperties as JsonSchema | boolean | undefined;
      if (typeof seg === 'string' && !(props && props[seg]) && extra && typeof extra === 'object') {
        next.push(...expand(root, extra, new Set()));
      }
    }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

function expand(root: JsonSchema, s: JsonSchema, seen: Set<JsonSchema>): JsonSchema[] {
  if (!s || typeof s !== 'object' || seen.has(s)) return [];
  seen.add(s);
  const out: JsonSchema[] = [s];
  if (typeof s.$ref === 'string') {
    const r = resolveLocalRef(root, s.$ref);
    if (r) out.push(...expand(root, r, seen));
  }
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = s[k];
    if (Array.isArray(list)) for (const b of list) out.push(...expand(root, b as JsonSchema, seen));
  }
  return out;
}
