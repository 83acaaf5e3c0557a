/**
 * A summary packed for the HTML report: its long lists (the events, the map) as columns instead of
 * objects, and columns with few distinct values as an index into a list of them. A 10,000-event
 * summary is about half the size; `unpack` gives back the very same data.
 */
import type { DatasetSummary } from './summary';

type Value = unknown;

export interface PackedTable {
  keys: string[];
  /** The distinct values of the columns stored as indexes into them. */
  dicts: Record<string, Value[]>;
  columns: Record<string, Value[]>;
  length: number;
}

export interface PackedSummary extends Omit<DatasetSummary, 'events' | 'map'> {
  packed: 1;
  events: PackedTable;
  map: PackedTable;
}

/** Objects → columns; a column whose distinct values are few (status, country, drug) → indexes. */
export function packTable<T extends object>(rows: readonly T[]): PackedTable {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const columns: Record<string, Value[]> = {};
  const dicts: Record<string, Value[]> = {};
  for (const k of keys) {
    const values = rows.map((r) => (r as Record<string, Value>)[k]);
    const distinct = new Map<string, number>();
    for (const v of values) {
      const key = JSON.stringify(v ?? null);
      if (!distinct.has(key)) distinct.set(key, distinct.size);
      if (distinct.size > rows.length / 4 + 4) break;
    }
    if (distinct.size <= rows.length / 4 + 4 && values.some((v) => typeof v === 'string' || (typeof v === 'object' && v !== null))) {
      dicts[k] = [...distinct.keys()].map((s) => JSON.parse(s) as Value);
      columns[k] = values.map((v) => distinct.get(JSON.stringify(v ?? null)));
    } else columns[k] = values.map((v) => (v === undefined ? null : v));
  }
  return { keys, dicts, columns, length: rows.length };
}

export function unpackTable<T>(t: PackedTable): T[] {
  const out: T[] = [];
  for (let i = 0; i < t.length; i++) {
    const row: Record<string, Value> = {};
    for (const k of t.keys) {
      const raw = t.columns[k][i];
      const v = t.dicts[k] ? t.dicts[k][raw as number] : raw;
      if (v !== null && v !== undefined) row[k] = v;
    }
    out.push(row as T);
  }
  return out;
}

export function pack(s: DatasetSummary): PackedSummary {
  return { ...s, packed: 1, events: packTable(s.events), map: packTable(s.map) };
}

export function unpack(s: DatasetSummary | PackedSummary): DatasetSummary {
  if (!('packed' in s)) return s;
  const { packed: _packed, ...rest } = s;
  return { ...rest, events: unpackTable(s.events), map: unpackTable(s.map) };
}
