import { defineRule } from '../rule';
import { pointerToPath } from '../../base/pointer';
import { stringsOf } from '../../model/event';

export default defineRule({
  meta: {
    id: 'events/placeholder',
    description: 'No value is still a placeholder ("TODO") left by the new-event skeleton or a quick-fix.',
    defaultSeverity: 'error',
    appliesTo: ['event'],
    messages: {
      placeholder: '{field} is still the placeholder "{text}"; replace it with what the source says before the event is merged.',
    },
  },
  check(ctx) {
    // The string values that are a placeholder (`TODO`, alone or leading the text), in document order.
    for (const p of stringsOf(ctx.document.value).placeholders) {
      const text = p.text.length > 60 ? p.text.slice(0, 57).trimEnd() + '…' : p.text;
      ctx.report({ messageId: 'placeholder', data: { field: pointerToPath(p.pointer) || 'The document', text }, pointer: p.pointer });
    }
  },
});
