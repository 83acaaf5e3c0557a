/** Every rule that checks data, in the order they run (index.ts adds the rule that checks the config's rule list). */
import type { Rule } from './rule';
import yamlSyntax from './yaml/syntax';
import yamlDuplicateKey from './yaml/duplicate-key';
import schema from './schema';
import configGlobs from './config/globs';
import unusedSuppression from './suppressions/unused';
import { FIGURES_RULES } from './figures';
import { DATES_RULES } from './dates';
import { SOURCES_RULES } from './sources';
import { DATASET_RULES } from './dataset';

export const CATALOGUE: readonly Rule[] = [
  yamlSyntax,
  yamlDuplicateKey,
  schema,
  configGlobs,
  ...FIGURES_RULES,
  ...DATES_RULES,
  ...SOURCES_RULES,
  ...DATASET_RULES,
  unusedSuppression,
];
