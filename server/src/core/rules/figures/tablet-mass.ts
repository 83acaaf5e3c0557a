import { defineRule, type Report } from '../rule';
import type { Figure } from '../../model/event';
import { toKg } from '../../model/event';
import { formatBand, formatUnitMass } from '../../base/format';
import { bandFor, countWeightPairs, describeFigure, drugEntry, seizureFigures, valuePointer } from './shared';

/** The values a count or weight may take for this check; open bounds ("more than X") reach X × (1 + slack). */
function bounds(f: Figure, slack: number, scale: (v: number) => number | undefined): [number, number] | undefined {
  const s = (v: number | undefined) => (v === undefined ? undefined : scale(v));
  switch (f.qualifier) {
    case 'range': {
      const lo = s(f.min);
      const hi = s(f.max);
      return lo !== undefined && hi !== undefined ? [lo, hi] : undefined;
    }
    case 'more_than':
    case 'at_least': {
      const v = s(f.value);
      return v === undefined ? undefined : [v, v * (1 + slack)];
    }
    case 'less_than':
    case 'up_to': {
      const v = s(f.value);
      return v === undefined ? undefined : [v / (1 + slack), v];
    }
    default: {
      const v = s(f.value);
      return v === undefined ? undefined : [v, v];
    }
  }
}

const LOWER = new Set(['more_than', 'at_least']);
const UPPER = new Set(['less_than', 'up_to']);

/** "at most 159 mg" when the count is a lower bound, "1.49 g" for two point figures, "106–159 mg" otherwise. */
function describeMass(count: Figure, weight: Figure, lo: number, hi: number): string {
  if (count.value !== undefined && weight.value !== undefined && count.qualifier !== 'range' && weight.qualifier !== 'range') {
    const kg = toKg(weight.value, weight.unit) ?? NaN;
    const point = formatUnitMass((kg * 1e6) / count.value);
    const atMost = LOWER.has(count.qualifier) || UPPER.has(weight.qualifier);
    const atLeast = UPPER.has(count.qualifier) || LOWER.has(weight.qualifier);
    if (atMost && !atLeast) return `at most ${point}`;
    if (atLeast && !atMost) return `at least ${point}`;
    if (!atMost && !atLeast) return point;
  }
  return `${formatUnitMass(lo)}–${formatUnitMass(hi)}`;
}

export default defineRule({
  meta: {
    id: 'figures/tablet-mass',
    description:
      'The count and the weight of a seizure of tablets or capsules give a mass per unit inside the drug form’s band (error outside the error band, warning outside the warn band).',
    defaultSeverity: 'error',
    appliesTo: ['event'],
    messages: {
      implausible: '{count} in {weight} is {mass} a {unit}; {drug} {units} weigh {band}{typical}',
      unusual: '{count} in {weight} is {mass} a {unit}; {drug} {units} weigh {band}{typical}',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        slack: {
          type: 'number',
          minimum: 0,
          description: 'How far past an open bound a figure is taken to reach: "more than 1.35 million" as 1.35 to 1.35 × (1 + slack) million. Default 0.5.',
        },
      },
      additionalProperties: false,
    },
  },
  check(ctx) {
    const slack = typeof ctx.options.slack === 'number' && ctx.options.slack >= 0 ? ctx.options.slack : 0.5;
    for (const s of seizureFigures(ctx.document.value)) {
      const drug = drugEntry(ctx.dataset, s.drug);
      if (!drug) continue;
      const band = bandFor(ctx.dataset, drug, s.form);
      if (!band) continue;
      for (const pair of countWeightPairs(s)) {
        const count = pair.count;
        const weight = { ...pair.weight, unit: pair.weight.unit ?? 'kg' }; // a bare number weighs kilograms
        if (weight.basis === 'cargo') continue; // the whole load says nothing about the tablets
        const c = bounds(count, slack, (v) => v);
        const w = bounds(weight, slack, (v) => toKg(v, weight.unit));
        if (!c || !w || c[0] <= 0 || !(w[1] > 0)) continue;
        const lo = (w[0] * 1e6) / c[1];
        const hi = (w[1] * 1e6) / c[0];
        const gross = weight.basis === 'gross' ? band.grossFactor : 1;
        const widen = (b: [number, number]): [number, number] => [b[0], b[1] * gross];
        const outside = (b: [number, number] | undefined) => !!b && (hi < b[0] || lo > b[1]);
        const level = outside(band.error && widen(band.error)) ? 'error' : outside(band.warn && widen(band.warn)) ? 'warning' : undefined;
        if (!level) continue;
        const shown = band.warn ?? band.error!;
        const countUnit = count.unit ?? (band.form === 'capsule' ? 'capsules' : 'tablets');
        const report: Report & { severity?: 'error' | 'warning' } = {
          messageId: level === 'error' ? 'implausible' : 'unusual',
          pointer: valuePointer(weight),
          // Read by an engine that supports a per-report default severity; the configured severity wins.
          severity: level,
          data: {
            count: describeFigure({ ...count, unit: countUnit }),
            weight: describeFigure(weight),
            mass: describeMass(count, weight, lo, hi),
            unit: countUnit === 'capsules' ? 'capsule' : 'tablet',
            units: countUnit,
            drug: drug.name ?? drug.id,
            band: formatBand(widen(shown)) + (gross !== 1 ? ' with packaging (gross weight)' : ''),
            typical: band.typical ? ` (typical ${formatBand(band.typical)})` : '',
            level,
            mgLow: Math.round(lo),
            mgHigh: Number.isFinite(hi) ? Math.round(hi) : null,
          },
        };
        ctx.report(report);
      }
    }
  },
});
