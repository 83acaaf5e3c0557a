/** Inlay hints: the mass per tablet beside each weight that has a count, the weekday beside each full date. */
import type { DatasetContext } from '../model/dataset';
import { isObj, unitMassMg } from './editor';
import { type Figure, dateClaimsOf, figuresOf, partialDate, sourcesOf, weekdayOf } from '../model/event';
import { locate, nodeRange, type ParsedFile } from '../yaml/parse';
import { formatUnitMass } from '../base/format';
import type { FileKind } from '../base/types';

export interface InlayHint {
  /** Where the hint goes (after the value). */
  offset: number;
  label: string;
  kind: 'unit-mass' | 'weekday';
  tooltip?: string;
}

export interface InlayOptions {
  unitMass: boolean;
  weekday: boolean;
}

const valuePointer = (f: Figure) => (f.shorthand || f.value === undefined ? f.pointer : `${f.pointer}/value`);

export function inlayHints(file: ParsedFile, kind: FileKind, _ctx: DatasetContext, opts: InlayOptions, range?: [number, number]): InlayHint[] {
  if (kind !== 'event') return [];
  const out: InlayHint[] = [];
  const within = (o: number) => !range || (o >= range[0] && o <= range[1]);
  for (const doc of file.docs) {
    const ev = doc.value;
    if (!isObj(ev)) continue;
    const end = (pointer: string) => nodeRange(locate(doc.doc, pointer).node)?.[1];
    if (opts.unitMass && Array.isArray(ev.seizures)) {
      ev.seizures.forEach((s, i) => {
        if (!isObj(s)) return;
        const counts = figuresOf(s.count, `/seizures/${i}/count`).filter((c) => c.unit === undefined || c.unit === 'tablets' || c.unit === 'capsules');
        if (!counts.length) return;
        for (const w of figuresOf(s.weight, `/seizures/${i}/weight`)) {
          if (w.basis === 'cargo') continue;
          const c = counts.find((x) => x.source && x.source === w.source) ?? counts[0];
          const mg = unitMassMg(c, w);
          const at = end(valuePointer(w));
          if (mg === undefined || at === undefined || !within(at)) continue;
          const unit = c.unit === 'capsules' ? 'capsule' : 'tablet';
          out.push({ offset: at, label: ` ≈${formatUnitMass(mg)}/${unit}`, kind: 'unit-mass', tooltip: `${formatUnitMass(mg)} a ${unit}: this weight divided by the count${c.source ? ` of ${c.source}` : ''}${w.basis === 'gross' ? ' (gross weight, packaging included)' : ''}` });
        }
      });
    }
    if (opts.weekday) {
      const dates: string[] = [];
      for (const c of dateClaimsOf(ev)) for (const k of ['on', 'from', 'to'] as const) if (c[k] !== undefined) dates.push(`${c.pointer}/${k}`);
      if (ev.announced !== undefined) dates.push('/announced');
      for (const s of sourcesOf(ev)) if (typeof s.published === 'string') dates.push(`${s.pointer}/published`);
      for (const p of dates) {
        const node = locate(doc.doc, p).node as { value?: unknown } | undefined;
        const v = node?.value;
        const pd = partialDate(v);
        const at = end(p);
        if (!pd || pd.precision !== 'day' || at === undefined || !within(at)) continue;
        const day = weekdayOf(v as string);
        out.push({ offset: at, label: ` ${day.slice(0, 3)}`, kind: 'weekday', tooltip: day });
      }
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}
