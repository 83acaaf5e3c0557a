/** The dates/* rules, in the order they run. */
import type { Rule } from '../../rule';

export const DATES_RULES: readonly Rule[] = [];
