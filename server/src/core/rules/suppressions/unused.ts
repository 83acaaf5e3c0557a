import { defineRule } from '../rule';

/**
 * Reported by the engine after every other rule ran (only then is it known which suppression
 * comments silenced something); `check` itself has nothing to do.
 */
export default defineRule({
  meta: {
    id: 'suppressions/unused',
    description: 'A haulcheck-disable comment that silences nothing: the problem it was written for is gone, or its rule id is wrong.',
    defaultSeverity: 'warning',
    appliesTo: ['event', 'drugs', 'agencies', 'config'],
    fixable: 'safe',
    messages: {
      unused: 'This haulcheck-disable comment silences nothing{rules}; remove it.',
      unusedRule: 'The suppression of "{rule}" silences nothing on line {line}; remove it from the comment.',
    },
  },
  check() {},
});
