/**
 * File-system side of a dataset, shared by the CLI and the language server: find the root, read the
 * config and registries, list the event files. Everything it reads stays inside the dataset root.
 */
import { existsSync, promises as fsp, readFileSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch/posix';
import { glob } from 'tinyglobby';
import {
  CONFIG_FILE,
  type DatasetContext,
  type FileKind,
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
  const [drugs, agencies] = await Promise.all([
    read(path.resolve(root, config.registries.drugs)),
    read(path.resolve(root, config.registries.agencies)),
  ]);
  return {
    root,
    hasConfig,
    config,
    rawConfig: raw,
    context: { registries: buildRegistries(drugs, agencies), today: config.today ?? localToday(), bands: config.bands },
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
  const events = await glob(ds.config.events, {
    cwd: ds.root,
    ignore: ['**/node_modules/**', ...ds.config.ignore],
    absolute: true,
    followSymbolicLinks: false,
    onlyFiles: true,
    dot: false,
  });
  const extra = [CONFIG_FILE, ds.config.registries.drugs, ds.config.registries.agencies]
    .map((p) => path.resolve(ds.root, p))
    .filter((p) => existsSync(p));
  const all = new Set([...extra, ...events.map((p) => path.resolve(p))]);
  const links = await noteOutsideLinks(ds);
  const under = path.resolve(ds.root) + path.sep;
  return [...all]
    .filter((p) => {
      // A plain file under the root is inside; resolving every path (two realpath calls) is for links.
      if (p.startsWith(under) && !links.has(p)) return true;
      if (isInside(ds.root, p)) return true;
      note(`${path.relative(ds.root, p) || p} is not checked: it is a symbolic link to a file outside the dataset (${ds.root}).`);
      return false;
    })
    .sort();
}

/**
 * What a file is to its dataset: by the config's globs, then its modeline; a file named explicitly
 * outside any configured dataset is taken as an event.
 */
export function kindOf(ds: LoadedDataset, file: string, text: string, explicit: boolean): FileKind | undefined {
  const rel = path.relative(ds.root, file).split(path.sep).join('/');
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  // A file named on the command line is an event unless its dataset's globs say what is (pre-commit
  // hooks pass every staged YAML file: workflow files of a dataset repository are not events).
  const fallback = explicit && !(inside && ds.hasConfig) ? 'event' : undefined;
  return (inside ? classify(ds.config, rel) : undefined) ?? kindFromModeline(text) ?? fallback;
}
