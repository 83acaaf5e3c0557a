import { defineRule } from '../rule';
import { sourceReferences, sourcesOf } from '../../model/event';

export default defineRule({
  meta: {
    id: 'sources/unused',
    description: 'A source is defined under `sources` but no figure, date, suspect, item or conflict cites it.',
    defaultSeverity: 'warning',
    appliesTo: ['event'],
    messages: {
      unused: 'Source "{id}" ({publisher}) is defined but nothing in this event cites it; cite it from the figures or dates it supports, or remove it.',
    },
  },
  check(ctx) {
    const event = ctx.document.value;
    const cited = new Set(sourceReferences(event).map((r) => r.id));
    for (const s of sourcesOf(event)) {
      if (cited.has(s.id)) continue;
      ctx.report({ messageId: 'unused', data: { id: s.id, publisher: s.publisher ?? 'no publisher given' }, pointer: `${s.pointer}/id` });
    }
  },
});
