/** The figures/* rules, in the order they run. */
import type { Rule } from '../rule';
import unitForDrug from './unit-for-drug';
import tabletMass from './tablet-mass';
import derived from './derived';
import sourceConflict from './source-conflict';
import partsTotal from './parts-total';
import quoteSupport from './quote-support';
import magnitude from './magnitude';
import drugName from './drug-name';

export const FIGURES_RULES: readonly Rule[] = [unitForDrug, tabletMass, magnitude, derived, sourceConflict, partsTotal, drugName, quoteSupport];
