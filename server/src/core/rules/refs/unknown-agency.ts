import { defineRule } from '../rule';
import { closestId, quotedList, replaceIdFix } from './closest';

export default defineRule({
  meta: {
    id: 'refs/unknown-agency',
    description: 'An `agencies` entry names an agency id that is not in registries/agencies.yaml.',
    defaultSeverity: 'error',
    needsRegistries: ['agencies'],
    appliesTo: ['event'],
    fixable: 'unsafe',
    messages: {
      unknown: 'Agency "{id}" is not in the agency registry; did you mean "{suggestion}" — {name}? Add the agency to registries/agencies.yaml if it is new.',
      unknownNoSuggestion: 'Agency "{id}" is not in the agency registry; add it to registries/agencies.yaml if it is new. Agencies of {country}: {known}.',
      unknownNoSuggestionAny: 'Agency "{id}" is not in the agency registry; add it to registries/agencies.yaml if it is new.',
    },
  },
  check(ctx) {
    const agencies = ctx.dataset.registries?.agencies;
    if (!agencies || agencies.size === 0) return;
    const event = ctx.document.value as { agencies?: unknown } | undefined;
    if (!event || typeof event !== 'object' || !Array.isArray(event.agencies)) return;
    const candidates = [...agencies.values()].map((a) => {
      const extra = (a as { aliases?: unknown }).aliases;
      const names = [a.name, a.short_name, ...(Array.isArray(extra) ? extra : [])].filter((n): n is string => typeof n === 'string');
      return { id: a.id, names };
    });
    event.agencies.forEach((entry: unknown, i: number) => {
      const id = entry && typeof entry === 'object' ? (entry as { agency?: unknown }).agency : undefined;
      if (typeof id !== 'string' || agencies.has(id)) return;
      const pointer = `/agencies/${i}/agency`;
      // Short names ("MoI") are shared between countries: match names only among the id's country.
      const prefix = /^([a-z]{2})-/.exec(id)?.[1];
      const sameCountry = prefix ? candidates.filter((c) => c.id.startsWith(`${prefix}-`)) : [];
      const suggestion = closestId(id, sameCountry.length ? sameCountry : candidates) ?? (sameCountry.length ? closestId(id, candidates) : undefined);
      if (suggestion) {
        ctx.report({
          messageId: 'unknown',
          data: { id, suggestion, name: agencies.get(suggestion)?.name ?? suggestion },
          pointer,
          fixes: replaceIdFix(ctx, pointer, id, suggestion, `Use agency "${suggestion}"`),
        });
      } else if (sameCountry.length) {
        ctx.report({ messageId: 'unknownNoSuggestion', data: { id, country: prefix!.toUpperCase(), known: quotedList(sameCountry.map((c) => c.id), 12) }, pointer });
      } else {
        ctx.report({ messageId: 'unknownNoSuggestionAny', data: { id }, pointer });
      }
    });
  },
});
