/**
 * The run-time schema compiler (ajv): only for schemas that were not compiled at build time
 * (scripts/gen-validators.mjs compiles the schemas of `schemas/`, each of their anyOf/oneOf branches
 * and every rule's options schema). ajv compiles to code run with `new Function`; the browser build
 * of the language server replaces this module with compile-none.ts, so that it never generates code.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { AJV_OPTIONS, type StandaloneValidator } from './generated/validators';

export interface SchemaCompiler {
  compile(schema: object): StandaloneValidator;
}

/** A compiler with the generated validators' options (and `extra`). */
export function newCompiler(extra: { strictTypes?: boolean; validateSchema?: boolean } = {}): SchemaCompiler {
  // No loader (see AJV_OPTIONS): a `$ref` to anything not in the schema itself fails at compile
  // time, so the network is never touched.
  const ajv = new Ajv2020({ ...AJV_OPTIONS, ...extra });
  addFormats(ajv);
  return { compile: (schema) => ajv.compile(schema) };
}
