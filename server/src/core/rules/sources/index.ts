/** The sources/* rules, in the order they run. */
import type { Rule } from '../../rule';

export const SOURCES_RULES: readonly Rule[] = [];
