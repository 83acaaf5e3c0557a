/** The rule registry: every rule the engine runs, in the order it runs them. */
import type { Rule } from './rule';
import { CATALOGUE } from './catalogue';
import configRules from './config/rules';
import configPaths from './config/paths';

export const ALL_RULES: readonly Rule[] = [...CATALOGUE, configRules, configPaths];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id || r.meta.reports?.includes(id));
}
