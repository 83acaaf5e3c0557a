/**
 * The browser build's stand-in for compile.ts: no schema is compiled at run time (a host may forbid
 * `new Function`, and every schema Haulcheck ships is compiled at build time). A schema without a
 * generated validator is an error, which the rule that asked reports as an internal finding.
 */
import type { StandaloneValidator } from './generated/validators';
import type { SchemaCompiler } from './compile';

export function newCompiler(): SchemaCompiler {
  return {
    compile(): StandaloneValidator {
      throw new Error('this schema was not compiled at build time, and this build compiles no code at run time');
    },
  };
}
