/**
 * What the shells share about a dataset and touch no Node API with: the dataset as loaded, its
 * listing, what the config's globs hold, and the finding for what cannot be read. The CLI and the
 * desktop language server read the files with node/dataset.ts; the language server in a browser
 * reads them through the editor (lsp/port-files.ts); both assemble the same results here.
 */
import picomatch from 'picomatch/posix';
import {
  CONFIG_FILE,
  type DatasetContext,
  type DatasetLayout,
  type FileKind,
  type Finding,
  type ResolvedConfig,
  buildRegistries,
  classify,
  kindFromModeline,
  notADay,
} from '../core';

export interface LoadedDataset {
  root: string;
  /** Whether a haulcheck.yaml was found (otherwise defaults are in use). */
  hasConfig: boolean;
  config: ResolvedConfig;
  /** The parsed haulcheck.yaml, to re-resolve with other overrides (editor settings). */
  rawConfig: unknown;
  context: DatasetContext;
  /**
   * What could not be used while loading: a haulcheck.yaml that exists but cannot be read (a FIFO, a
   * folder, no permission), an impossible `today`. The CLI stops on these (exit 2); the language
   * server logs them and goes on with what it has. (A registry that cannot be read is reported by
   * config/paths, from `context.layout`.)
   */
  problems: string[];
}

/** Something where dataset files are expected that could not be read: it becomes an error finding. */
export interface ListingProblem {
  /** The folder or file (absolute path, or URI where the files are the editor's). */
  path: string;
  message: string;
}

export interface Listing {
  /**
   * Every file of the dataset (config, registries, events), sorted. A symbolic link inside the
   * dataset is listed by its own path, once per target: a target listed already is not listed again.
   */
  files: string[];
  /** Unreadable folders, and FIFOs, sockets, devices and broken links where dataset files are expected. */
  problems: ListingProblem[];
}

/**
 * The rule id of what the shells could not read: an unreadable folder or file, a FIFO or a device
 * where a dataset file is expected. Not a rule of the core (which reads nothing): the CLI reports it
 * as an error finding on the path, always shown, and exits 2 (docs/rules/io.md).
 */
export const UNREADABLE_RULE_ID = 'io/unreadable';

/** The finding for a path that could not be read, at its start. */
export function unreadableFinding(message: string): Finding {
  const at = { offset: 0, line: 0, character: 0 };
  return { ruleId: UNREADABLE_RULE_ID, severity: 'error', message, range: { start: at, end: { ...at } }, pointer: '', docIndex: 0 };
}

/** Today in the local calendar as YYYY-MM-DD (the shells inject it; the core never reads the clock). */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** What was read of a dataset's config and registries, to make a LoadedDataset of. */
export interface DatasetParts {
  root: string;
  hasConfig: boolean;
  /** The parsed haulcheck.yaml (undefined: none, or unreadable). */
  raw: unknown;
  config: ResolvedConfig;
  drugs: unknown;
  agencies: unknown;
  registries: NonNullable<DatasetLayout['registries']>;
  problems: string[];
}

/** The dataset from its parts: registries built, and an impossible `today` set aside (and said). */
export function assembleDataset(parts: DatasetParts): LoadedDataset {
  const { config, problems } = parts;
  // An impossible `today` (2026-02-30) would turn every "after today" check off: never used.
  let today = config.today;
  const why = today === undefined ? undefined : notADay(today);
  if (why) {
    problems.push(`${CONFIG_FILE}: today: ${today} is not a date: ${why}`);
    today = undefined;
  }
  return {
    root: parts.root,
    hasConfig: parts.hasConfig,
    config,
    rawConfig: parts.raw,
    context: { registries: buildRegistries(parts.drugs, parts.agencies), today: today ?? localToday(), bands: config.bands, layout: { registries: parts.registries } },
    problems,
  };
}

/** What a dataset-relative path is to the dataset, by its globs, else by its modeline (`inside` false: outside the dataset). */
export function kindIn(ds: LoadedDataset, rel: string | undefined, text: string): FileKind | undefined {
  return (rel !== undefined ? classify(ds.config, rel) : undefined) ?? kindFromModeline(text);
}

/** The folder each glob starts from (`events/**\/*.yaml` → `events`), nested ones dropped. */
export function globBases(globs: string[]): string[] {
  const bases = globs.map((g) => {
    const s = picomatch.scan(g);
    const base = s.isGlob ? s.base : parentOf(s.base);
    return base === '.' ? '' : base.replace(/\/+$/, '');
  });
  const sorted = [...new Set(bases)].sort((a, b) => a.length - b.length);
  return sorted.filter((b, i) => !sorted.slice(0, i).some((a) => a === '' || b.startsWith(a + '/')));
}

/** A '/'-separated path's folder, as path.posix.dirname says it. */
function parentOf(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : trimmed.slice(0, i);
}

/** What the config's globs hold, as matchers of dataset-relative paths. */
export interface DatasetGlobs {
  /** The positive events globs. */
  positive: string[];
  /** Matched by a positive events glob. */
  isEvent(rel: string): boolean;
  /** Matched by a negated (`!…`) events glob. */
  negated(rel: string): boolean;
  /** Matched by an `ignore` glob. */
  ignored(rel: string): boolean;
  /** An events file of the dataset: matched, and neither negated nor ignored. */
  matches(rel: string): boolean;
  ignores: (readonly [glob: string, match: (rel: string) => boolean])[];
}

export function datasetGlobs(config: ResolvedConfig): DatasetGlobs {
  const positive = config.events.filter((g) => !g.startsWith('!'));
  const negative = config.events.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
  const isEvent = picomatch(positive.length ? positive : ['\0'], { dot: false });
  const negated = picomatch(negative.length ? negative : ['\0'], { dot: false });
  const ignores = config.ignore.map((g) => [g, picomatch(g.replace(/^\.\//, ''), { dot: true })] as const);
  const ignored = (rel: string) => ignores.some(([, m]) => m(rel));
  return { positive, isEvent, negated, ignored, matches: (rel) => isEvent(rel) && !negated(rel) && !ignored(rel), ignores };
}

/**
 * The events the globs matched with `ignore` applied last, counting what each `ignore` glob leaves
 * out and what each events glob holds (config/paths reports the globs that match nothing): the
 * counts go into the dataset's layout.
 */
export function keepEvents<T extends { rel: string }>(ds: LoadedDataset, globs: DatasetGlobs, matched: Iterable<T>): T[] {
  const ignoreCounts: Record<string, number> = Object.fromEntries(ds.config.ignore.map((g) => [g, 0]));
  const events: T[] = [];
  for (const f of matched) {
    let left = false;
    for (const [g, m] of globs.ignores)
      if (m(f.rel)) {
        ignoreCounts[g]++;
        left = true;
      }
    if (!left) events.push(f);
  }
  const eventCounts: Record<string, number> = {};
  for (const g of ds.config.events) {
    const m = picomatch(g.replace(/^!?\.\//, ''), { dot: false });
    eventCounts[g] = g.startsWith('!') ? 0 : events.reduce((n, f) => n + (m(f.rel) ? 1 : 0), 0);
  }
  const layout = (ds.context.layout ??= {});
  layout.events = eventCounts;
  if (ds.config.ignore.length) layout.ignore = ignoreCounts;
  return events;
}
