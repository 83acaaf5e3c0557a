import { defineRule } from '../rule';
import { sourceReferences, sourcesOf } from '../../model/event';
import { readNumbers } from '../../read/numbers';

export default defineRule({
  meta: {
    id: 'sources/unused',
    description:
      'A source is defined under `sources` but no figure, date, suspect, item or conflict cites it (information when its quotes hold no number: the report attests the event without a figure of its own).',
    defaultSeverity: 'warning',
    reportsAbsence: true,
    appliesTo: ['event'],
    messages: {
      unused: 'Source "{id}" ({publisher}) is defined but nothing in this event cites it; cite it from the figures or dates it supports, or remove it.',
      attests:
        'Source "{id}" ({publisher}) is cited by nothing, and its quotes hold no figure to cite: it attests the event. Cite it where it supports a value, if any.',
    },
  },
  check(ctx) {
    const event = ctx.document.value;
    const cited = new Set(sourceReferences(event).map((r) => r.id));
    for (const s of sourcesOf(event)) {
      if (cited.has(s.id)) continue;
      // A report whose quotes hold no number (a count not disclosed) gives nothing to cite: it attests the event.
      const attests = s.quotes.length > 0 && s.quotes.every((q) => readNumbers(q, s.language).length === 0);
      ctx.report({
        messageId: attests ? 'attests' : 'unused',
        data: { id: s.id, publisher: s.publisher ?? 'no publisher given' },
        pointer: `${s.pointer}/id`,
        ...(attests ? { severity: 'info' as const } : {}),
      });
    }
  },
});
