import { defineRule } from '../rule';
import { formatPointer } from '../../base/pointer';
import { globLeavesRoot } from '../../model/config';

/**
 * The globs of haulcheck.yaml stay inside the dataset folder. One that leaves it (`/**`, `../**`)
 * would walk the whole file system and find nothing of the dataset: the config drops it
 * (resolveConfig) and this rule says so, on the glob.
 */
export default defineRule({
  meta: {
    id: 'config/globs',
    description: 'The globs under `events:` and `ignore:` in haulcheck.yaml stay inside the dataset folder; one that leaves it (an absolute path, or "..") is not used.',
    defaultSeverity: 'error',
    appliesTo: ['config'],
    messages: {
      leaves: 'The glob "{glob}" leaves the dataset folder ({why}); globs are relative to the folder of haulcheck.yaml, so it is not used.',
    },
  },
  check(ctx) {
    const value = ctx.document.value;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    for (const key of ['events', 'ignore']) {
      const list = (value as Record<string, unknown>)[key];
      if (!Array.isArray(list)) continue;
      list.forEach((glob, i) => {
        if (typeof glob !== 'string') return;
        const why = globLeavesRoot(glob);
        if (why) ctx.report({ messageId: 'leaves', data: { glob, why }, pointer: formatPointer([key, i]) });
      });
    }
  },
});
