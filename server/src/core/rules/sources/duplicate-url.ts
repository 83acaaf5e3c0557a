import { defineRule } from '../rule';
import { sourcesOf } from '../../model/event';
import { normaliseUrl } from '../../model/dataset-index';
import { EVENTS_NAMED, firstNamed, whereIs } from '../events/self';
import { listCounted } from '../../base/format';

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
      otherEvents:
        'This article is also a source of {count} other events: {others}. It reports more than one seizure; events/possible-duplicate says whether any of them looks like this one.',
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
      if (!index || ctx.path === undefined) continue;
      // One finding for the URL, naming the first few other events and counting the rest: an article
      // cited by thousands of events is thousands of findings, not millions.
      const citing = index.byUrl(s.url);
      const indexed = index.at(ctx.path, ctx.document.index);
      const count = citing.size - (indexed && citing.has(indexed) ? 1 : 0);
      if (count <= 0) continue;
      const others = firstNamed(citing, EVENTS_NAMED, (o) => o.file === ctx.path && o.docIndex === ctx.document.index);
      const o = others[0];
      if (count === 1) {
        ctx.report({
          messageId: 'otherEvent',
          data: { url: s.url, otherId: o.id ? `"${o.id}"` : 'another event', otherFile: o.file, otherLine: o.idLine !== undefined ? o.idLine + 1 : 1 },
          pointer,
          severity: 'info',
        });
        continue;
      }
      const names = others.map((x) => `${x.id ? `"${x.id}"` : 'an event'} (${whereIs(x)})`);
      ctx.report({
        messageId: 'otherEvents',
        data: { url: s.url, count, others: listCounted(names, count, EVENTS_NAMED) },
        pointer,
        severity: 'info',
      });
    }
  },
});
