import { defineRule } from '../rule';
import { slotsOf } from '../../model/event';
import { drugEntry, unitLabel } from './shared';

const UNIT_NAMES: Record<string, string> = {
  tablets: 'tablets', capsules: 'capsules', kg: 'kilograms', g: 'grams', mg: 'milligrams', t: 'tonnes',
  short_ton: 'short tons', ton: 'tons', lb: 'pounds', l: 'litres', ml: 'millilitres', plants: 'plants', bars: 'bars', bricks: 'bricks', packs: 'packs',
  persons: 'persons',
};

export default defineRule({
  meta: {
    id: 'figures/unit-for-drug',
    description: 'A seizure’s count, weight or volume uses a unit the drug registry allows for that drug (no tablets of cannabis resin, no litres of Captagon).',
    defaultSeverity: 'error',
    needsRegistries: ['drugs'],
    appliesTo: ['event'],
    messages: {
      unit: '{drug} is not measured in {unitName} ({source}): the registry allows {allowed}.',
      pillsAsBricks:
        '{drug} is not seized in tablets ({source}): a report of {drugLower} "pills" means bricks or blocks (Spanish "pastillas"), so the mass-per-tablet checks do not apply. Record the count in bricks and keep the source\'s words in as_reported.',
    },
  },
  check(ctx) {
    for (const slot of slotsOf(ctx.document.value)) {
      if (slot.index === undefined || slot.field === 'quantity' || slot.field === 'arrests') continue;
      const drug = drugEntry(ctx.dataset, slot.drug);
      // Unknown drugs are refs/unknown-drug's business; a drug without a units list allows any unit.
      if (!drug || !Array.isArray(drug.units) || drug.units.length === 0) continue;
      for (const f of slot.figures) {
        if (f.unit === undefined || drug.units.includes(f.unit)) continue;
        const bricks = (f.unit === 'tablets' || f.unit === 'capsules') && drug.units.includes('bricks');
        ctx.report({
          messageId: bricks ? 'pillsAsBricks' : 'unit',
          pointer: `${f.pointer}/unit`,
          data: {
            drug: drug.name ?? drug.id,
            drugLower: (drug.name ?? drug.id).toLowerCase(),
            source: f.source ?? 'no source',
            unit: f.unit,
            unitName: UNIT_NAMES[f.unit] ?? unitLabel(f.unit),
            allowed: drug.units.map((u) => (typeof u === 'string' ? unitLabel(u) : String(u))).join(', '),
          },
        });
      }
    }
  },
});
