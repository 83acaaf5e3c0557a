import { defineRule } from '../rule';
import { sourcesOf } from '../../model/event';
import { normaliseUrl } from '../../model/dataset-index';
import { isSelf } from '../events/self';

export default defineRule({
  meta: {
    id: 'sources/duplicate-url',
    description:
      'The same article (URL) is cited by two sources of one event (a warning), or by sources of two different events (information: an article may report several seizures; events/possible-duplicate says when the two look like one).',
    defaultSeverity: 'warning',
    appliesTo: ['event'],
    messages: {
      sameEvent: 'Sources "{id}" and "{other}" have the same URL; one article should be one source (merge their quotes into "{other}").',
      otherEvent:
        'This article is also a source of {otherId} ({otherFile}, line {otherLine}): it reports more than one seizure. events/possible-duplicate says whether the two look like one.',
    },
  },
  check(ctx) {
    const sources = sourcesOf(ctx.document.value);
    const seen = new Map<string, string>();
    const index = ctx.dataset.index;
    for (const s of sources) {
      if (typeof s.url !== 'string' || s.url.trim() === '') continue;
      const key = normaliseUrl(s.url);
      const pointer = `${s.pointer}/url`;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.report({ messageId: 'sameEvent', data: { id: s.id, other: first, url: s.url }, pointer });
        continue;
      }
      seen.set(key, s.id);
      if (!index) continue;
      const others = index.byUrl(s.url).filter((f) => !isSelf(ctx, f));
      // One finding per other event; several documents of one other file count separately.
      const reported = new Set<string>();
      for (const o of others) {
        const k = `${o.file}#${o.docIndex}`;
        if (reported.has(k)) continue;
        reported.add(k);
        ctx.report({
          messageId: 'otherEvent',
          data: {
            url: s.url,
            otherId: o.id ? `"${o.id}"` : 'another event',
            otherFile: o.file,
            otherLine: o.idLine !== undefined ? o.idLine + 1 : 1,
          },
          pointer,
          severity: 'info',
        });
      }
    }
  },
});
