import { defineRule } from '../rule';
import { closestId, quotedList, replaceIdFix } from './closest';

export default defineRule({
  meta: {
    id: 'refs/unknown-drug',
    description: 'A seizure names a drug id that is not in registries/drugs.yaml.',
    defaultSeverity: 'error',
    needsRegistries: ['drugs'],
    appliesTo: ['event'],
    fixable: 'unsafe',
    messages: {
      unknown: 'Drug "{id}" is not in the drug registry; did you mean "{suggestion}" — {name}? Add the drug to registries/drugs.yaml if it is new.',
      unknownNoSuggestion: 'Drug "{id}" is not in the drug registry, which has {known}; add it to registries/drugs.yaml if it is new.',
    },
  },
  check(ctx) {
    const drugs = ctx.dataset.registries?.drugs;
    if (!drugs || drugs.size === 0) return;
    const event = ctx.document.value as { seizures?: unknown } | undefined;
    if (!event || typeof event !== 'object' || !Array.isArray(event.seizures)) return;
    const candidates = [...drugs.values()].map((d) => ({ id: d.id, names: [d.name, ...(Array.isArray(d.aliases) ? d.aliases : [])].filter((n): n is string => typeof n === 'string') }));
    event.seizures.forEach((s: unknown, i: number) => {
      const id = s && typeof s === 'object' ? (s as { drug?: unknown }).drug : undefined;
      if (typeof id !== 'string' || drugs.has(id)) return;
      const pointer = `/seizures/${i}/drug`;
      const suggestion = closestId(id, candidates);
      if (suggestion) {
        ctx.report({
          messageId: 'unknown',
          data: { id, suggestion, name: drugs.get(suggestion)?.name ?? suggestion },
          pointer,
          fixes: replaceIdFix(ctx, pointer, id, suggestion, `Use drug "${suggestion}"`),
        });
      } else {
        ctx.report({ messageId: 'unknownNoSuggestion', data: { id, known: quotedList([...drugs.keys()], 12) }, pointer });
      }
    });
  },
});
