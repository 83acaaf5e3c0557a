/** The figures/* rules, in the order they run. */
import type { Rule } from '../rule';
import unitForDrug from './unit-for-drug';
import tabletMass from './tablet-mass';
import derived from './derived';
import sourceConflict from './source-conflict';
import partsTotal from './parts-total';
import quoteSupport from './quote-support';

export const FIGURES_RULES: readonly Rule[] = [unitForDrug, tabletMass, derived, sourceConflict, partsTotal, quoteSupport];
