/** What rules may know beyond the file they check: registries, configuration, the day it is. */

export interface UnitMassBand {
  typical?: [number, number];
  warn?: [number, number];
  error?: [number, number];
}

export interface DrugForm {
  form: string;
  unit_mass_mg?: UnitMassBand;
  gross_factor?: number;
  source?: string;
}

export interface DrugEntry {
  id: string;
  name: string;
  aliases?: string[];
  category?: string;
  units?: string[];
  forms?: DrugForm[];
  /** The largest single seizure on record, in kilograms, with where the figure comes from. */
  largest_seizure?: { kg?: number; source?: string };
  notes?: string;
}

export interface AgencyEntry {
  id: string;
  name: string;
  short_name?: string;
  country?: string;
  parent?: string | null;
  url?: string | null;
  notes?: string;
}

export interface Registries {
  drugs: ReadonlyMap<string, DrugEntry>;
  agencies: ReadonlyMap<string, AgencyEntry>;
}

import type { DatasetIndexView } from './dataset-index';

/** What the shell found for a registry the config names. */
export type RegistryStatus = 'found' | 'missing' | 'outside' | 'not-a-file' | 'unreadable';

/**
 * What the shell found on disk for the paths haulcheck.yaml names, so that a path that matches
 * nothing is reported on the config instead of silently disabling checks. Plain data (it travels to
 * worker threads); absent where the shell did not look (a browser, a test).
 */
export interface DatasetLayout {
  /** Each registry path the config names (as written), and what was found there. */
  registries?: Record<string, RegistryStatus>;
  /** Files each `events` glob matched (after `ignore`), by glob as written. */
  events?: Record<string, number>;
  /** Event files each `ignore` glob left out, by glob as written. */
  ignore?: Record<string, number>;
}

export interface DatasetContext {
  /** Facts of every event in the dataset, for dataset-wide rules (absent when checking one file alone). */
  index?: DatasetIndexView;
  /** Per-drug, per-form band overrides from haulcheck.yaml (`bands`). */
  bands?: Record<string, unknown>;
  /** Registries loaded from the dataset, when the shell found them. */
  registries?: Registries;
  /** Today as YYYY-MM-DD, injected by the shell; the core never reads the clock. */
  today?: string;
  /** What the config's paths matched on disk, when the shell looked. */
  layout?: DatasetLayout;
}

function entries<T extends { id: string }>(value: unknown, key: string): Map<string, T> {
  const map = new Map<string, T>();
  const list = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  if (Array.isArray(list)) {
    for (const e of list) {
      if (e && typeof e === 'object' && typeof (e as { id?: unknown }).id === 'string') map.set((e as T).id, e as T);
    }
  }
  return map;
}

/** Builds registries from the parsed `drugs.yaml` and `agencies.yaml` values (either may be missing). */
export function buildRegistries(drugs: unknown, agencies: unknown): Registries {
  return { drugs: entries<DrugEntry>(drugs, 'drugs'), agencies: entries<AgencyEntry>(agencies, 'agencies') };
}
