import { defineRule, type RuleContext } from '../rule';
import { pointerToPath } from '../../base/pointer';
import { type Figure, type SlotRef, slotsOf } from '../../model/event';
import type { ReadingOptions } from './shared';
import { LIST_AT_MOST, formatNumber, joinAtMost } from '../../base/format';
import { sourcesOf } from '../../model/event';
import { baseOf, comparable, describeFigure, isObj, readingOf, spanOf, valuePointer, withSlotUnits, READING_OPTIONS } from './shared';
import { sidesOf } from './sides';
import { settledSlots } from './source-conflict';

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

/** "The drugs totaled 751 kilograms", "a total of 2 t of narcotics": a total of every drug of the event. */
const DRUGS_TOTAL =
  /\b(?:drugs|narcotics|narcotic substances|Drogen|Rauschgift|drogas|droghe|stupefacenti|drogues|stupéfiants|uyuşturucu(?:lar)?|ναρκωτικ\p{L}*)\b[^.;]{0,40}\b(?:total\p{L}*|in all|altogether|insgesamt|en total|in totale|toplam|συνολικά|au total)|\b(?:total\p{L}*|in all|altogether|insgesamt|en total|in totale|toplam|συνολικά|au total)\b[^.;]{0,40}\b(?:drugs|narcotics|Drogen|drogas|droghe|stupefacenti|drogues|uyuşturucu|ναρκωτικ\p{L}*)|(?:إجمالي|مجموع)\s+(?:ال)?مخدرات/iu;

/**
 * A weight that its source calls the total of the drugs must be at least what the same source gives
 * for the event's other drugs: 751 kg cannot be "the drugs" when the same article gives 1,480 kg of
 * hashish beside the Captagon.
 */
function checkDrugsTotal(ctx: RuleContext, reading: ReadingOptions): void {
  const event = ctx.document.value;
  const slots = slotsOf(event).filter((s) => s.field === 'weight' && s.index !== undefined);
  // Each slot's first figure from each source, once (a total is compared with every other slot's).
  let bySource: Map<string | undefined, { o: SlotRef; g: Figure }[]> | undefined;
  const weightsOf = (source: string | undefined) => {
    if (!bySource) {
      bySource = new Map();
      for (const o of slots) {
        const seen = new Set<string | undefined>();
        for (const g of o.figures) {
          if (g.garbled || g.scope === 'aggregate' || seen.has(g.source)) continue;
          seen.add(g.source);
          const list = bySource.get(g.source);
          if (list) list.push({ o, g });
          else bySource.set(g.source, [{ o, g }]);
        }
      }
    }
    return bySource.get(source) ?? [];
  };
  for (const slot of slots) {
    for (const f of slot.figures) {
      if (!f.as_reported || !DRUGS_TOTAL.test(f.as_reported) || f.garbled) continue;
      const span = spanOf(f, reading);
      if (!span) continue;
      const others = weightsOf(f.source).filter(({ o }) => o.index !== slot.index);
      if (others.length === 0) continue;
      let lo = 0;
      for (const { g } of others) lo += spanOf(g, reading)?.lo ?? 0;
      if (!(lo > span.hi)) continue;
      const kg = others.reduce((acc, { g }) => acc + (g.value ?? g.min ?? 0) * (baseOf(g.unit)?.factor ?? 1), 0);
      ctx.report({
        messageId: 'drugsTotal',
        pointer: valuePointer(f),
        data: {
          field: pointerToPath(slot.pointer),
          source: f.source ?? 'the source',
          total: describeFigure(f),
          words: f.as_reported,
          others: joinAtMost(others.map(({ o, g }) => `${describeFigure(g)} of ${o.drug ?? 'another drug'}`), ' and ', LIST_AT_MOST, (n) => `${formatNumber(n)} other weights`),
          sum: `${formatNumber(kg)} kg`,
        },
        related: others.slice(0, LIST_AT_MOST).map(({ o, g }) => ({ message: `${g.source}: ${describeFigure(g)} of ${o.drug ?? 'another drug'}`, pointer: valuePointer(g) })),
      });
    }
  }
}

/** The named parts of each figure slot, per source, against the total the most sources give. */
function checkNamedParts(ctx: RuleContext, reading: ReadingOptions): void {
  const event = ctx.document.value;
  const sources = sourcesOf(event);
  const settled = settledSlots(event);
  for (const slot of slotsOf(event)) {
    if (settled.some((p) => p === slot.pointer || p.startsWith(slot.pointer + '/'))) continue;
    const figures = withSlotUnits(slot.figures, slot.field).filter((f) => !f.garbled);
    const totals = figures.filter((f) => f.scope === 'total' && !f.as_of);
    const parts = figures.filter((f) => f.scope === 'part' && f.part);
    if (totals.length === 0 || parts.length < 2) continue;
    const total = sidesOf(totals, sources, reading)[0];
    if (!total) continue;
    const bySource = new Map<string, Map<string, Figure>>();
    for (const p of parts) {
      if (!comparable(p, total.members[0].figure)) continue;
      const labels = bySource.get(p.source ?? '') ?? new Map<string, Figure>();
      const label = p.part!.trim().toLowerCase();
      if (!labels.has(label)) labels.set(label, p); // one figure a part
      bySource.set(p.source ?? '', labels);
    }
    for (const [source, labels] of bySource) {
      if (labels.size < 2) continue;
      const list = [...labels.values()];
      let lo = 0;
      for (const f of list) lo += spanOf(f, reading)?.lo ?? NaN;
      if (!(lo > total.common.hi)) continue;
      const base = baseOf(list[0].unit, list[0].currency)!;
      const exact = list.reduce((acc, f) => acc + (f.value ?? f.min ?? 0) * base.factor, 0);
      const unit = base.dim === 'count' ? (list[0].unit ?? '') : base.unit;
      ctx.report({
        messageId: 'partsExceed',
        pointer: valuePointer(list[list.length - 1]),
        data: {
          field: pointerToPath(slot.pointer),
          source: source || 'one source',
          sum: `${formatNumber(exact)}${unit ? ' ' + unit : ''}`,
          parts: joinAtMost(list.map((f) => `${describeFigure(f)} for "${f.part}"`), ' + ', LIST_AT_MOST, (n) => `${formatNumber(n)} other parts`),
          total: joinAtMost([...new Set(total.members.map((m) => describeFigure(m.figure)))], ' / ', 3, () => '…'),
          totalSources: joinAtMost(total.sources, ', ', LIST_AT_MOST, (n) => `${formatNumber(n)} other sources`),
        },
        related: list.slice(0, LIST_AT_MOST).map((f) => ({ message: `${f.source}: ${describeFigure(f)} for "${f.part}"`, pointer: valuePointer(f) })),
      });
    }
  }
}

export default defineRule({
  meta: {
    id: 'figures/parts-total',
    description:
      'The parts of a seizure add up to no more than its total: the named parts (`scope: part`, `part: …`) of one figure, and several seizures of one drug listed with one of them given as their total ("a total of", "in all", "altogether").',
    defaultSeverity: 'error',
    reportsAbsence: true,
    appliesTo: ['event'],
    messages: {
      mismatch:
        'The other {drug} seizures add up to {sum} by {source} ({parts}), but {total} is given as their total. Check the parts and the total against the source; a missing part may explain it.',
      exceeds:
        'The other {drug} seizures already add up to {sum} by {source} ({parts}), more than the total of {total}. Check the parts and the total against the source.',
      drugsTotal:
        '{field}: {source} gives {total} as the total of the drugs ("{words}"), but it also gives {others}, {sum} in all: a total cannot be smaller than its parts. Record the figure as the drug it weighs (and not as a total), or check it against the source.',
      partsExceed:
        '{field}: the parts {source} gives add up to {sum} ({parts}), more than the whole seizure, {total} ({totalSources}). Check the parts and the total against the source, or record the disagreement under conflicts (field: {field}).',
    },
    optionsSchema: READING_OPTIONS,
  },
  check(ctx) {
    const reading = readingOf(ctx.options);
    const tolerance = reading;
    checkNamedParts(ctx, reading);
    checkDrugsTotal(ctx, reading);
    const seizures = seizuresOf(ctx.document.value);
    const byDrug = new Map<string | undefined, typeof seizures>();
    for (const s of seizures) {
      const group = byDrug.get(s.drug);
      if (group) group.push(s);
      else byDrug.set(s.drug, [s]);
    }
    for (const [drug, group] of byDrug) {
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
              parts: joinAtMost(found.map((f) => describeFigure(f)), ' + ', LIST_AT_MOST, (n) => `${formatNumber(n)} other parts`),
              total: describeFigure(t),
            },
          });
        }
      }
    }
  },
});
