/** The references and dataset-wide rules (refs/*, location/*, events/*, arrests/*), in the order they run. */
import type { Rule } from '../../rule';

export const DATASET_RULES: readonly Rule[] = [];
