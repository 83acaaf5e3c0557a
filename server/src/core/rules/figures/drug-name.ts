import { defineRule } from '../rule';
import { slotsOf } from '../../model/event';
import type { DrugEntry } from '../../model/dataset';
import { drugEntry, valuePointer } from './shared';

/** Words folded for matching: lower case, no diacritics, single spaces. */
function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether `words` name the drug: its id, name or an alias appears in them as whole words. */
function names(words: string, drug: DrugEntry): boolean {
  const w = ` ${fold(words)} `;
  const terms = [drug.id.replace(/[-_.]/g, ' '), drug.name, ...(Array.isArray(drug.aliases) ? drug.aliases : [])].filter((t): t is string => typeof t === 'string');
  return terms.some((t) => {
    const f = fold(t);
    return f.length > 1 && w.includes(` ${f} `);
  });
}

/** The registry drugs the words name, most specific first (a drug of a known category before a generic one). */
function drugsNamed(words: string, drugs: Iterable<DrugEntry>): DrugEntry[] {
  return [...drugs].filter((d) => names(words, d));
}

const vague = (d: DrugEntry) => !d.category || d.category === 'unspecified' || d.category === 'other';

export default defineRule({
  meta: {
    id: 'figures/drug-name',
    description:
      "A source names the drug of a figure (`drug_as_reported`) as a drug of another kind than the seizure's: \"opium\" for hashish. Generic names (\"narcotic pills\", \"drugs\") and names of the same kind (\"amphetamine\" pills for Captagon) are fine.",
    defaultSeverity: 'warning',
    needsRegistries: ['drugs'],
    appliesTo: ['event'],
    messages: {
      otherKind:
        '{source} calls the drug "{words}", which is {named} ({namedCategory}), but the seizure is {drug} ({category}). Check the source: if it means another drug, record a seizure of that drug; if it is wrong, say so in the figure\'s note.',
    },
  },
  check(ctx) {
    const registry = ctx.dataset.registries?.drugs;
    if (!registry) return;
    const all = [...registry.values()].filter((d): d is DrugEntry => !!d && typeof d === 'object' && typeof d.id === 'string');
    for (const slot of slotsOf(ctx.document.value)) {
      if (slot.index === undefined) continue;
      const drug = drugEntry(ctx.dataset, slot.drug);
      if (!drug || vague(drug)) continue;
      for (const f of slot.figures) {
        const words = f.drugAsReported;
        if (!words || names(words, drug)) continue;
        const named = drugsNamed(words, all).filter((d) => !vague(d));
        if (named.length === 0 || named.some((d) => d.id === drug.id || d.category === drug.category)) continue;
        const other = named[0];
        ctx.report({
          messageId: 'otherKind',
          pointer: `${valuePointer(f).replace(/\/value$/, '')}${f.shorthand ? '' : '/drug_as_reported'}`,
          data: { source: f.source ?? 'The source', words, named: other.name ?? other.id, namedCategory: other.category, drug: drug.name ?? drug.id, category: drug.category },
        });
      }
    }
  },
});
