import { defineRule } from '../rule';
import { findSource, kgRangePerUnit, slotsOf, sourcesOf } from '../../model/event';
import { readDigitRun } from '../../read/numbers';
import { formatKg, formatNumber } from '../../base/format';
import { bandFor, describeFigure, drugEntry, valuePointer } from './shared';

/**
 * The other reading of the figure's digits as the source wrote them, when there is one: "17,500"
 * read with a decimal comma is 17.5, "1.600" read with a decimal point is 1.6.
 */
function otherReading(asReported: string | undefined, value: number): number | undefined {
  if (!asReported) return undefined;
  for (const m of asReported.matchAll(/\d+(?:[.,]\d+)+/g)) {
    const readings = readDigitRun(m[0]);
    if (!readings.includes(value) && !readings.some((r) => Math.abs(r - value) < 1e-9 * value)) continue;
    const other = [readDigitRun(m[0], 'en'), readDigitRun(m[0], 'de')].flat().find((r) => Math.abs(r - value) > 1e-9 * value);
    if (other !== undefined) return other;
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'figures/magnitude',
    description:
      'A seizure figure is larger than the largest seizure of its drug on record (`largest_seizure` in registries/drugs.yaml): usually a misplaced separator ("(17,500) kilograms" meaning 17.5 kg) or a wrong unit ("1105 tons" for 1,105 kg).',
    defaultSeverity: 'warning',
    needsRegistries: ['drugs'],
    appliesTo: ['event'],
    messages: {
      weight:
        '{figure} of {drug} ({source}) would be more than the largest seizure on record, {record} ({recordSource}){alternative}. Check the separators and the unit against the source; if the figure is printed so, keep it and mark it garbled: true with a note.',
      count:
        '{figure} of {drug} ({source}) would weigh at least {kg} at {mg} mg a tablet, more than the largest seizure on record, {record} ({recordSource}){alternative}. Check the separators against the source; if the figure is printed so, keep it and mark it garbled: true with a note.',
    },
  },
  check(ctx) {
    const event = ctx.document.value;
    const sources = sourcesOf(event);
    for (const slot of slotsOf(event)) {
      if (slot.field !== 'weight' && slot.field !== 'count') continue;
      const drug = drugEntry(ctx.dataset, slot.drug);
      const record = drug?.largest_seizure;
      if (!drug || !record || typeof record.kg !== 'number' || !(record.kg > 0)) continue;
      const band = slot.field === 'count' ? bandFor(ctx.dataset, drug, slot.form) : undefined;
      const lightest = band?.typical?.[0] ?? band?.warn?.[0];
      for (const f of slot.figures) {
        if (f.garbled || f.value === undefined || f.scope === 'aggregate') continue;
        // The least the figure can weigh: English "tons" at their short reading (15.4 tons may be 13,970 kg).
        const kg =
          slot.field === 'weight'
            ? (() => {
                const r = kgRangePerUnit(f.unit ?? 'kg');
                return r ? f.value * r[0] : undefined;
              })()
            : lightest && (!f.unit || f.unit === 'tablets')
              ? (f.value * lightest) / 1e6
              : undefined;
        if (kg === undefined || !(kg > record.kg)) continue;
        const other = otherReading(f.as_reported, f.value);
        const unit = f.unit ?? (slot.field === 'weight' ? 'kg' : 'tablets');
        const source = findSource(sources, f.source);
        ctx.report({
          messageId: slot.field,
          pointer: valuePointer(f),
          data: {
            figure: describeFigure({ ...f, unit }, false),
            drug: drug.name ?? drug.id,
            source: f.source ?? 'no source',
            record: formatKg(record.kg),
            recordSource: typeof record.source === 'string' ? record.source.trim().split(/[.:;]/)[0] : 'registries/drugs.yaml',
            kg: formatKg(kg),
            mg: lightest ? formatNumber(lightest) : '',
            alternative:
              other !== undefined
                ? `; with its separator read as ${other < f.value ? 'a decimal point' : 'a thousands separator'}, "${f.as_reported}" is ${formatNumber(other, 3)} ${unit}`
                : '',
            language: source?.language,
          },
        });
      }
    }
  },
});
