/** The rule registry: every rule the engine runs, in the order it runs them. */
import type { Rule } from '../rule';
import yamlSyntax from './yaml/syntax';
import yamlDuplicateKey from './yaml/duplicate-key';
import schema from './schema';
import unusedSuppression from './suppressions/unused';
import { FIGURES_RULES } from './figures';
import { DATES_RULES } from './dates';
import { SOURCES_RULES } from './sources';
import { DATASET_RULES } from './dataset';

export const ALL_RULES: readonly Rule[] = [
  yamlSyntax,
  yamlDuplicateKey,
  schema,
  ...FIGURES_RULES,
  ...DATES_RULES,
  ...SOURCES_RULES,
  ...DATASET_RULES,
  unusedSuppression,
];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id || r.meta.reports?.includes(id));
}
