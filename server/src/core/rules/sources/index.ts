/** The sources/* rules, in the order they run. */
import type { Rule } from '../rule';
import unknown from './unknown';
import unused from './unused';
import missingPublished from './missing-published';
import duplicateUrl from './duplicate-url';

export const SOURCES_RULES: readonly Rule[] = [unknown, unused, missingPublished, duplicateUrl];
