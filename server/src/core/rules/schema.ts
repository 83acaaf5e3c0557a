import { defineRule } from './rule';
import { BUILTIN_SCHEMAS } from '../schema/schemas';
import { validateValue } from '../schema/validate';

/** Every JSON Schema keyword the dataset's schemas use reports as `schema/<keyword>`. */
export const SCHEMA_RULE_IDS = [
  'schema/required',
  'schema/additionalProperties',
  'schema/type',
  'schema/enum',
  'schema/const',
  'schema/pattern',
  'schema/format',
  'schema/minItems',
  'schema/maxItems',
  'schema/minLength',
  'schema/minimum',
  'schema/maximum',
  'schema/exclusiveMinimum',
  'schema/exclusiveMaximum',
  'schema/uniqueItems',
  'schema/oneOf',
  'schema/propertyNames',
] as const;

export default defineRule({
  meta: {
    id: 'schema',
    description: 'The document matches the dataset JSON Schema for its kind (event, drug or agency registry, configuration).',
    defaultSeverity: 'error',
    appliesTo: ['event', 'drugs', 'agencies', 'config'],
    messages: { problem: '{text}' },
    reports: SCHEMA_RULE_IDS,
  },
  check(ctx) {
    // A document that could not be read has its syntax finding; validating its remains only adds noise.
    if (ctx.document.value === undefined) return;
    if (ctx.document.problems.some((p) => p.severity === 'error' && p.code !== 'DUPLICATE_KEY' && p.code !== 'YAML_VERSION')) return;
    const schema = BUILTIN_SCHEMAS[ctx.kind];
    for (const p of validateValue(schema, ctx.document.value)) {
      ctx.report({
        ruleId: `schema/${p.keyword}`,
        messageId: 'problem',
        data: { text: p.message, ...p.data },
        pointer: p.pointer,
        at: p.at,
      });
    }
  },
});
