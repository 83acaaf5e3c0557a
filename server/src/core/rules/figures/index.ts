/** The figures/* rules, in the order they run. */
import type { Rule } from '../../rule';

export const FIGURES_RULES: readonly Rule[] = [];
