/** What the editor features (hover, completion, navigation, inlay hints, actions) share. Pure. */
import { type Node as YamlNode, isScalar } from 'yaml';
import type { ParsedDocument, ParsedFile } from '../yaml/parse';
import { nodeRange } from '../yaml/parse';
import type { DatasetContext } from '../model/dataset';
import { KG_PER_UNIT, type Figure, partialDate } from '../model/event';
import { formatNumber } from '../base/format';
import { bandFor, drugEntry } from '../rules/figures/shared';

export type EditorContext = DatasetContext;

export const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The YAML document of a multi-document file that holds an offset. */
export function docAt(file: ParsedFile, offset: number): ParsedDocument | undefined {
  return file.docs.find((d) => offset >= d.start && offset <= d.end) ?? file.docs[file.docs.length - 1];
}

/** Does a path match a pattern? `*` matches any one segment, `#` any list index. */
export function matches(segs: readonly (string | number)[], pattern: readonly (string | number)[]): boolean {
  if (segs.length !== pattern.length) return false;
  return pattern.every((p, i) => p === '*' || (p === '#' ? /^\d+$/.test(String(segs[i])) : String(p) === String(segs[i])));
}

export function scalarValue(node: YamlNode | undefined): unknown {
  return isScalar(node) ? node.value : undefined;
}

/** The range of a scalar's text without its quotes. */
export function innerRange(file: ParsedFile, node: YamlNode | undefined): [number, number] | undefined {
  const r = nodeRange(node);
  if (!r) return undefined;
  const ch = file.text[r[0]];
  if ((ch === '"' || ch === "'") && r[1] - r[0] >= 2 && file.text[r[1] - 1] === ch) return [r[0] + 1, r[1] - 1];
  return r;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2026-02-22 → "22 February 2026". */
export function longDate(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** A partial date in words: "22 February 2026", "March 2025", "2025". */
export function partialInWords(s: string): string | undefined {
  const p = partialDate(s);
  if (!p) return undefined;
  if (p.precision === 'day') return longDate(s);
  if (p.precision === 'month') return `${MONTHS[Number(s.slice(5, 7)) - 1]} ${s.slice(0, 4)}`;
  return s.slice(0, 4);
}

/** The mass per tablet of a count and a weight, in mg, or undefined when it cannot be computed. */
export function unitMassMg(count: Figure, weight: Figure): number | undefined {
  const kg = weight.value !== undefined ? weight.value * (KG_PER_UNIT[weight.unit ?? 'kg'] ?? NaN) : NaN;
  if (!(count.value !== undefined && count.value > 0 && Number.isFinite(kg))) return undefined;
  return (kg * 1e6) / count.value;
}

/** The drug's unit-mass band for a seizure (registry, config overrides), if it has one. */
export function bandOf(ctx: EditorContext, drug: string | undefined, form: string | undefined) {
  const entry = drugEntry(ctx, drug);
  if (!entry) return undefined;
  const band = bandFor(ctx, entry, form);
  return band ? { drug: entry, band } : undefined;
}

/** The typical mass per tablet of a band (middle of `typical`, else of `warn`), in mg. */
export function typicalMg(band: { typical?: [number, number]; warn?: [number, number]; error?: [number, number] }): number | undefined {
  const b = band.typical ?? band.warn ?? band.error;
  return b ? (b[0] + b[1]) / 2 : undefined;
}

/** Rounds to `digits` significant digits: 215999 → 216000. */
export function roundSignificant(n: number, digits = 3): number {
  if (n === 0 || !Number.isFinite(n)) return n;
  const p = Math.ceil(Math.log10(Math.abs(n))) - digits;
  const f = 10 ** Math.abs(p);
  return p >= 0 ? Math.round(n / f) * f : Math.round(n * f) / f;
}

export const fmt = formatNumber;
