/** The rule registry: every rule the engine runs, in the order it runs them. */
import type { Rule } from '../rule';
import yamlSyntax from './yaml/syntax';
import yamlDuplicateKey from './yaml/duplicate-key';
import schema from './schema';

export const ALL_RULES: readonly Rule[] = [yamlSyntax, yamlDuplicateKey, schema];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id || r.meta.reports?.includes(id));
}
