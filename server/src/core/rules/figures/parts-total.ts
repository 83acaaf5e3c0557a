import { defineRule } from '../rule';
import { type Figure, type SlotRef, slotsOf } from '../../model/event';
import { formatNumber } from '../../base/format';
import { baseOf, describeFigure, isObj, spanOf, valuePointer, TOLERANCE_OPTIONS, toleranceOf } from './shared';

/** Words that mark a figure (or a seizure's note) as the total of several seizures. */
export const TOTAL_WORDS =
  /\b(?:a total of|in total|in all|altogether|all told|combined|overall|total(?:ling|ing|led|ed)?)\b|إجمالي|اجمالي|مجموع|المجموع/iu;

type Field = 'count' | 'weight';

interface Seizure {
  index: number;
  drug: string;
  isTotal: boolean;
  slots: Partial<Record<Field, SlotRef>>;
}

function seizuresOf(event: unknown): Seizure[] {
  if (!isObj(event) || !Array.isArray(event.seizures)) return [];
  const out = new Map<number, Seizure>();
  event.seizures.forEach((s, index) => {
    if (isObj(s) && typeof s.drug === 'string') {
      out.set(index, { index, drug: s.drug, isTotal: typeof s.note === 'string' && TOTAL_WORDS.test(s.note), slots: {} });
    }
  });
  for (const slot of slotsOf(event)) {
    if (slot.index === undefined || (slot.field !== 'count' && slot.field !== 'weight')) continue;
    const s = out.get(slot.index);
    if (!s) continue;
    s.slots[slot.field] = slot;
    if (slot.figures.some((f) => typeof f.as_reported === 'string' && TOTAL_WORDS.test(f.as_reported))) s.isTotal = true;
  }
  return [...out.values()];
}

export default defineRule({
  meta: {
    id: 'figures/parts-total',
    description:
      'When several seizures of one drug are listed with one of them given as their total ("a total of", "in all", "altogether"), the parts a source gives add up to the total it gives.',
    defaultSeverity: 'error',
    appliesTo: ['event'],
    messages: {
      mismatch: 'The other {drug} seizures add up to {sum} by {source} ({parts}), but {total} is given as their total.',
      exceeds: 'The other {drug} seizures already add up to {sum} by {source} ({parts}), more than the total of {total}.',
    },
    optionsSchema: TOLERANCE_OPTIONS,
  },
  check(ctx) {
    const tolerance = toleranceOf(ctx.options);
    const seizures = seizuresOf(ctx.document.value);
    const drugs = new Set(seizures.map((s) => s.drug));
    for (const drug of drugs) {
      const group = seizures.filter((s) => s.drug === drug);
      const totals = group.filter((s) => s.isTotal);
      if (group.length < 2 || totals.length !== 1) continue;
      const total = totals[0];
      const parts = group.filter((s) => s !== total);
      for (const field of ['count', 'weight'] as const) {
        for (const t of total.slots[field]?.figures ?? []) {
          const tb = baseOf(t.unit);
          const ts = spanOf(t, tolerance);
          if (!tb || !ts) continue;
          const found: Figure[] = [];
          let complete = true;
          for (const p of parts) {
            const f = (p.slots[field]?.figures ?? []).find((x) => {
              const b = baseOf(x.unit);
              return x.source === t.source && !!b && b.dim === tb.dim && (b.dim !== 'count' || !x.unit || !t.unit || x.unit === t.unit);
            });
            if (f) found.push(f);
            else complete = false;
          }
          if (found.length === 0) continue;
          let lo = 0;
          let hi = 0;
          for (const f of found) {
            const s = spanOf(f, tolerance);
            if (!s) {
              lo = NaN;
              break;
            }
            lo += s.lo;
            hi += s.hi;
          }
          if (Number.isNaN(lo)) continue;
          const over = lo > ts.hi;
          const under = complete && hi < ts.lo;
          if (!over && !under) continue;
          const exactSum = found.reduce((acc, f) => acc + (f.value ?? ((f.min ?? 0) + (f.max ?? 0)) / 2) * (baseOf(f.unit)?.factor ?? 1), 0);
          const unit = tb.dim === 'count' ? (t.unit ?? '') : tb.unit;
          ctx.report({
            messageId: complete ? 'mismatch' : 'exceeds',
            pointer: valuePointer(t),
            data: {
              drug,
              source: t.source ?? 'the same source',
              sum: `${formatNumber(exactSum)}${unit ? ' ' + unit : ''}`,
              parts: found.map((f) => describeFigure(f)).join(' + '),
              total: describeFigure(t),
            },
          });
        }
      }
    }
  },
});
