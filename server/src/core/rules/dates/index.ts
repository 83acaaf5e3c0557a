/** The dates/* rules, in the order they run. */
import type { Rule } from '../rule';
import order from './order';
import afterSource from './after-source';
import sourceConflict from './source-conflict';
import weekday from './weekday';
import precision from './precision';
import valid from './valid';

export const DATES_RULES: readonly Rule[] = [valid, order, afterSource, sourceConflict, weekday, precision];
