/**
 * File-system side of a dataset, shared by the CLI and the language server: find the root, read the
 * config and registries, list the event files. Everything it reads stays inside the dataset root.
 */
import { accessSync, constants as fsConstants, existsSync, promises as fsp, readFileSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch/posix';
import { type GlobOptions, glob } from 'tinyglobby';
import {
  CONFIG_FILE,
  type DatasetContext,
  type DatasetLayout,
  type FileKind,
  type RegistryStatus,
  type ResolvedConfig,
  buildRegistries,
  classify,
  kindFromModeline,
  parseFile,
  resolveConfig,
} from '../core';

export interface LoadedDataset {
  root: string;
  /** Whether a haulcheck.yaml was found (otherwise defaults are in use). */
  hasConfig: boolean;
  config: ResolvedConfig;
  /** The parsed haulcheck.yaml, to re-resolve with other overrides (editor settings). */
  rawConfig: unknown;
  context: DatasetContext;
}

/** Reads a text file as VS Code does: UTF-8, a leading byte-order mark dropped. */
export async function readText(file: string): Promise<string> {
  const text = await fsp.readFile(file, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The same, synchronously: for the many small files of a dataset a blocking read is about ten times
 * faster than a promise (which goes through the thread pool: open, stat, read, close). For batch work
 * (the CLI, the language server's start-up index, between yields), not for a request.
 */
export function readTextSync(file: string): string {
  const text = readFileSync(file, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The nearest folder at or above `start` holding a haulcheck.yaml, or undefined. */
export function findDatasetRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  try {
    if (!statSync(dir).isDirectory()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir);
  }
  for (;;) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Today in the local calendar as YYYY-MM-DD (the shells inject it; the core never reads the clock). */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

async function readYamlValue(file: string): Promise<unknown> {
  try {
    const parsed = parseFile(await readText(file));
    return parsed.docs[0]?.value;
  } catch {
    return undefined;
  }
}

/** Is `target` inside `root` (after resolving symlinks)? */
export function isInside(root: string, target: string): boolean {
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(target);
    realRoot = realpathSync(root);
  } catch {
    return false;
  }
  const rel = path.relative(realRoot, real);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Whether a registry the config names can be read, and if not, why (reported by config/paths). */
function registryStatus(root: string, file: string, live: boolean): RegistryStatus {
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return 'outside';
  if (live) return 'found';
  let st;
  try {
    st = statSync(file);
  } catch {
    return 'missing';
  }
  if (!st.isFile()) return 'not-a-file';
  if (!isInside(root, file)) return 'outside';
  try {
    accessSync(file, fsConstants.R_OK);
  } catch {
    return 'unreadable';
  }
  return 'found';
}

/** `liveText` supplies unsaved editor text for a file, when there is some. */
export async function loadDataset(
  root: string,
  overrides?: Record<string, unknown>,
  liveText?: (file: string) => string | undefined,
): Promise<LoadedDataset> {
  const configPath = path.join(root, CONFIG_FILE);
  const hasConfig = existsSync(configPath);
  const read = async (p: string) => {
    // Registries named outside the dataset (`../../etc/passwd`, an absolute path) are never read,
    // not even from an editor's unsaved text.
    const rel = path.relative(root, p);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    const live = liveText?.(p);
    if (live !== undefined) {
      try {
        return parseFile(live).docs[0]?.value;
      } catch {
        return undefined;
      }
    }
    return isInside(root, p) ? readYamlValue(p) : undefined;
  };
  const raw = hasConfig ? await read(configPath) : undefined;
  const config = resolveConfig(raw, overrides);
  const drugsPath = path.resolve(root, config.registries.drugs);
  const agenciesPath = path.resolve(root, config.registries.agencies);
  const [drugs, agencies] = await Promise.all([read(drugsPath), read(agenciesPath)]);
  const layout: DatasetLayout = {
    registries: {
      [config.registries.drugs]: registryStatus(root, drugsPath, liveText?.(drugsPath) !== undefined),
      [config.registries.agencies]: registryStatus(root, agenciesPath, liveText?.(agenciesPath) !== undefined),
    },
  };
  return {
    root,
    hasConfig,
    config,
    rawConfig: raw,
    context: { registries: buildRegistries(drugs, agencies), today: config.today ?? localToday(), bands: config.bands, layout },
  };
}

const pendingNotes = new Set<string>();

function note(message: string): void {
  if (pendingNotes.size < 100) pendingNotes.add(message);
}

/** Notes about files left out (symbolic links out of the dataset), since last taken; the CLI prints them. */
export function takeNotes(): string[] {
  const out = [...pendingNotes];
  pendingNotes.clear();
  return out;
}

/** Notes the symbolic links under the dataset that lead out of it (the glob skips every link, silently). */
async function noteOutsideLinks(ds: LoadedDataset): Promise<Set<string>> {
  const links = new Set<string>();
  const isEvent = picomatch(ds.config.events, { dot: false });
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 32) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p, depth + 1);
      else if (e.isSymbolicLink() && (links.add(p), !isInside(ds.root, p))) {
        const rel = path.relative(ds.root, p).split(path.sep).join('/');
        let folder = false;
        try {
          folder = statSync(p).isDirectory();
        } catch {
          // a broken link
        }
        if (folder) note(`${rel}/ is not checked: it is a symbolic link to a folder outside the dataset (${ds.root}).`);
        else if (isEvent(rel)) note(`${rel} is not checked: it is a symbolic link to a file outside the dataset (${ds.root}).`);
      }
    }
  };
  await walk(ds.root, 0);
  return links;
}

/**
 * Every file of the dataset (config, registries, events), absolute, sorted. Symlinks out of the
 * dataset are not followed: such files are left out, with a note (takeNotes).
 */
export async function listDatasetFiles(ds: LoadedDataset): Promise<string[]> {
  const globOptions: GlobOptions = { cwd: ds.root, absolute: true, followSymbolicLinks: false, onlyFiles: true, dot: false };
  const events = await glob(ds.config.events, { ...globOptions, ignore: ['**/node_modules/**', ...ds.config.ignore] });
  const extra = [CONFIG_FILE, ds.config.registries.drugs, ds.config.registries.agencies]
    .map((p) => path.resolve(ds.root, p))
    .filter((p) => existsSync(p));
  const all = new Set([...extra, ...events.map((p) => path.resolve(p))]);
  const links = await noteOutsideLinks(ds);
  const under = path.resolve(ds.root) + path.sep;
  const files = [...all]
    .filter((p) => {
      // A plain file under the root is inside; resolving every path (two realpath calls) is for links.
      if (p.startsWith(under) && !links.has(p)) return true;
      if (isInside(ds.root, p)) return true;
      note(`${path.relative(ds.root, p) || p} is not checked: it is a symbolic link to a file outside the dataset (${ds.root}).`);
      return false;
    })
    .sort();
  await countGlobs(ds, events.map((p) => path.resolve(p)), globOptions);
  return files;
}

/**
 * How many files each `events` and `ignore` glob of the config matched (config/paths reports those
 * that match nothing). A glob that seems to match nothing is asked of the file system on its own,
 * so that a difference between the two glob libraries never reports a glob wrongly.
 */
async function countGlobs(ds: LoadedDataset, events: string[], globOptions: GlobOptions): Promise<void> {
  const rels = events.map((p) => path.relative(ds.root, p).split(path.sep).join('/'));
  const count = (pattern: string, list: string[], dot: boolean) => {
    const isMatch = picomatch(pattern.replace(/^\.\//, ''), { dot });
    return list.reduce((n, r) => n + (isMatch(r) ? 1 : 0), 0);
  };
  const counts: Record<string, number> = {};
  for (const g of ds.config.events) {
    counts[g] = count(g, rels, false);
    if (counts[g] === 0) counts[g] = (await glob([g], { ...globOptions, ignore: ['**/node_modules/**', ...ds.config.ignore] })).length;
  }
  const layout = (ds.context.layout ??= {});
  layout.events = counts;
  if (ds.config.ignore.length === 0) return;
  // What each ignore glob leaves out: the event files found without it.
  const unfiltered = (await glob(ds.config.events, { ...globOptions, ignore: ['**/node_modules/**'] })).map((p) => path.relative(ds.root, p).split(path.sep).join('/'));
  layout.ignore = Object.fromEntries(ds.config.ignore.map((g) => [g, count(g, unfiltered, true)]));
}

/**
 * What a file is to its dataset: by the config's globs, then its modeline (the `$schema` comment
 * says what a file is even outside any dataset). Undefined: not a dataset file.
 */
export function kindOf(ds: LoadedDataset, file: string, text: string): FileKind | undefined {
  const rel = path.relative(ds.root, file).split(path.sep).join('/');
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  return (inside ? classify(ds.config, rel) : undefined) ?? kindFromModeline(text);
}

/** Why a file named on the command line is not a dataset file, in words for the user. */
export function notDatasetReason(ds: LoadedDataset, file: string): string {
  if (!/\.ya?ml$/i.test(file)) return 'not a YAML file';
  if (!ds.hasConfig) return `no ${CONFIG_FILE} in its folder or above, and no "# yaml-language-server: $schema=" comment saying what it is`;
  return `the events globs of its ${CONFIG_FILE} (${ds.config.events.join(', ')}) do not hold it`;
}
