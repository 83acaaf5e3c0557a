import { defineRule } from '../rule';
import { sourceReferences, sourcesOf } from '../../model/event';
import { closestId, quotedList, replaceIdFix } from '../refs/closest';

export default defineRule({
  meta: {
    id: 'sources/unknown',
    description: 'A figure, date, suspect or conflict cites a source id that the event does not define under `sources`.',
    defaultSeverity: 'error',
    reportsAbsence: true,
    appliesTo: ['event'],
    fixable: 'unsafe',
    messages: {
      unknown: 'Source "{id}" is not defined in this event; the sources defined are {defined}. Did you mean "{suggestion}"?',
      unknownNoSuggestion: 'Source "{id}" is not defined in this event; the sources defined are {defined}.',
      noSources: 'Source "{id}" is not defined: this event defines no sources.',
    },
  },
  check(ctx) {
    const event = ctx.document.value;
    const sources = sourcesOf(event);
    const ids = new Set(sources.map((s) => s.id));
    const names = new Map<string, string[]>([...ids].map((id) => [id, []]));
    for (const s of sources) if (s.publisher) names.get(s.id)!.push(s.publisher);
    const candidates = [...ids].map((id) => ({ id, names: names.get(id)! }));
    const defined = quotedList([...ids]);
    for (const ref of sourceReferences(event)) {
      if (ids.has(ref.id)) continue;
      if (ids.size === 0) {
        ctx.report({ messageId: 'noSources', data: { id: ref.id }, pointer: ref.pointer });
        continue;
      }
      const suggestion = closestId(ref.id, candidates, { always: true });
      const data = { id: ref.id, defined, suggestion };
      ctx.report({
        messageId: suggestion ? 'unknown' : 'unknownNoSuggestion',
        data,
        pointer: ref.pointer,
        fixes: suggestion ? replaceIdFix(ctx, ref.pointer, ref.id, suggestion, `Cite source "${suggestion}"`) : undefined,
      });
    }
  },
});
