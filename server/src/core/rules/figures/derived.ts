import { defineRule } from '../rule';
import { toKg } from '../../model/event';
import { formatNumber, formatUnitMass } from '../../base/format';
import { countWeightPairs, describeFigure, lastDigitStep, seizureFigures, valuePointer } from './shared';

const DEFAULT_PER_KG = [6000];
const DEFAULT_ROUND_MG = 50;

export default defineRule({
  meta: {
    id: 'figures/derived',
    description:
      'A weight that is exactly the count times a rule-of-thumb factor (6,000 pills a kilo, or a round mass per tablet such as 0.2 g) is probably a conversion, not a second measurement.',
    defaultSeverity: 'info',
    appliesTo: ['event'],
    messages: {
      perKg: '{weight} is {count} at {perKg} a kilo ({mass} a {unit}): probably converted from the count, not weighed; the two figures are not independent.',
      roundMass: '{weight} is {count} at exactly {mass} a {unit}: probably converted from the count, not weighed; the two figures are not independent.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        perKg: {
          type: 'array',
          items: { type: 'number', exclusiveMinimum: 0 },
          description: 'Rules of thumb in units per kilogram. Default [6000].',
        },
        roundMg: {
          type: 'number',
          minimum: 0,
          description: 'A mass per unit that is an exact multiple of this many milligrams counts as a conversion; 0 turns the check off. Default 50 (0.05 g).',
        },
      },
      additionalProperties: false,
    },
  },
  check(ctx) {
    const perKgList = Array.isArray(ctx.options.perKg) ? ctx.options.perKg.filter((x): x is number => typeof x === 'number' && x > 0) : DEFAULT_PER_KG;
    const roundMg = typeof ctx.options.roundMg === 'number' && ctx.options.roundMg >= 0 ? ctx.options.roundMg : DEFAULT_ROUND_MG;
    for (const s of seizureFigures(ctx.document.value)) {
      for (const { count, weight } of countWeightPairs(s)) {
        if (count.value === undefined || weight.value === undefined || count.value <= 0 || weight.value <= 0) continue;
        if (count.qualifier === 'range' || weight.qualifier === 'range') continue;
        const unit = weight.unit ?? 'kg';
        const kg = toKg(weight.value, unit);
        const perUnitKg = toKg(1, unit);
        if (kg === undefined || perUnitKg === undefined) continue;
        const countUnit = count.unit ?? 'tablets';
        // The words of a message, written only for a pair that is reported.
        const data = () => ({
          weight: describeFigure({ ...weight, unit }),
          count: describeFigure({ ...count, unit: countUnit }),
          unit: countUnit === 'capsules' ? 'capsule' : 'tablet',
          mass: formatUnitMass((kg * 1e6) / count.value!),
        });
        const step = lastDigitStep(weight.value);
        // The weight as written equals count ÷ factor, to the last digit written and within 1%.
        const factor = perKgList.find((k) => {
          const expected = count.value! / k / perUnitKg;
          const diff = Math.abs(expected - weight.value!);
          return diff <= step && diff <= 0.01 * expected;
        });
        if (factor !== undefined) {
          ctx.report({ messageId: 'perKg', pointer: valuePointer(weight), data: { ...data(), perKg: formatNumber(factor) } });
          continue;
        }
        if (roundMg > 0) {
          const mg = (kg * 1e6) / count.value;
          const multiple = Math.round(mg / roundMg);
          if (multiple > 0 && Math.abs(mg - multiple * roundMg) <= 1e-9 * mg) {
            ctx.report({ messageId: 'roundMass', pointer: valuePointer(weight), data: { ...data(), mass: formatUnitMass(multiple * roundMg) } });
          }
        }
      }
    }
  },
});
