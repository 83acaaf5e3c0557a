import { defineRule } from '../rule';
import { slotsOf } from '../../model/event';
import { pathToPointer, pointerToPath } from '../../base/pointer';
import { baseOf, describeFigure, isObj, spanOf, valuePointer, TOLERANCE_OPTIONS, toleranceOf } from './shared';

/** Slots settled by a `conflicts` entry: its `field` names the slot or something inside it. */
function settledSlots(event: unknown): string[] {
  if (!isObj(event) || !Array.isArray(event.conflicts)) return [];
  const out: string[] = [];
  for (const c of event.conflicts) {
    if (!isObj(c) || typeof c.field !== 'string') continue;
    const p = pathToPointer(c.field.trim());
    if (p !== undefined) out.push(p);
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'figures/source-conflict',
    description:
      'Two sources give values for the same figure (count, weight, volume, arrests) that cannot both be true, and no `conflicts` entry settles it.',
    defaultSeverity: 'error',
    appliesTo: ['event'],
    messages: {
      conflict:
        '{a} ({sourceA}) and {b} ({sourceB}) cannot both be true for {field}; add a `conflicts` entry for {field} that says which value is kept and why.',
    },
    optionsSchema: TOLERANCE_OPTIONS,
  },
  check(ctx) {
    const tolerance = toleranceOf(ctx.options);
    const event = ctx.document.value;
    const settled = settledSlots(event);
    for (const slot of slotsOf(event)) {
      if (slot.figures.length < 2) continue;
      if (settled.some((p) => p === slot.pointer || p.startsWith(slot.pointer + '/'))) continue;
      const field = pointerToPath(slot.pointer);
      const figs = slot.figures;
      for (let i = 0; i < figs.length; i++) {
        for (let j = i + 1; j < figs.length; j++) {
          const a = figs[i];
          const b = figs[j];
          if (!a.source || !b.source || a.source === b.source) continue;
          if ((a.as_of ?? '') !== (b.as_of ?? '')) continue; // counts grow: a figure of another day is not a rival
          const ba = baseOf(a.unit);
          const bb = baseOf(b.unit);
          if (!ba || !bb || ba.dim !== bb.dim || (ba.dim === 'count' && (a.unit ?? '') !== (b.unit ?? '') && a.unit && b.unit)) continue;
          const sa = spanOf(a, tolerance);
          const sb = spanOf(b, tolerance);
          if (!sa || !sb) continue;
          if (sa.hi >= sb.lo && sb.hi >= sa.lo) continue;
          ctx.report({
            messageId: 'conflict',
            pointer: valuePointer(b),
            data: { a: describeFigure(a), sourceA: a.source, b: describeFigure(b), sourceB: b.source, field },
          });
        }
      }
    }
  },
});
