/**
 * File-system side of a dataset, shared by the CLI and the language server: find the root, read the
 * config and registries, list the event files. Everything it reads stays inside the dataset root, and
 * it reads regular files only (node/files.ts): nothing it is given can make it wait forever.
 */
import { type Dirent, type Stats, accessSync, constants as fsConstants, existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE, type FileKind, type RegistryStatus, parseFile, resolveConfig } from '../core';
import { type Listing, type ListingProblem, type LoadedDataset, assembleDataset, datasetGlobs, globBases, keepEvents, kindIn } from '../shell/dataset';
import { NotAFileError, decodeText, errorText, readFileBytes, readFileBytesSync, typeName } from './files';

export { type Listing, type ListingProblem, type LoadedDataset, UNREADABLE_RULE_ID, localToday, unreadableFinding } from '../shell/dataset';

/** Reads a text file as VS Code does: UTF-8, a leading byte-order mark dropped. Regular files only. */
export async function readText(file: string): Promise<string> {
  return decodeText(await readFileBytes(file));
}

/**
 * The same, synchronously: for the many small files of a dataset a blocking read is about ten times
 * faster than a promise (which goes through the thread pool: open, stat, read, close). For batch work
 * (the CLI, the language server's start-up index, between yields), not for a request.
 */
export function readTextSync(file: string): string {
  return decodeText(readFileBytesSync(file));
}

/** Why a file could not be read, as a clause after its name: "is a FIFO (named pipe), not a file". */
export function unreadable(err: unknown): string {
  return err instanceof NotAFileError ? `is ${err.type}, not a file` : `cannot be read (${errorText(err)})`;
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
  const problems: string[] = [];
  const read = async (p: string) => {
    // Registries named outside the dataset (`../../etc/passwd`, an absolute path) are never read,
    // not even from an editor's unsaved text.
    const rel = path.relative(root, p);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    const live = liveText?.(p);
    let text = live;
    if (text === undefined) {
      if (!isInside(root, p)) return undefined;
      try {
        text = await readText(p);
      } catch (err) {
        // A registry that cannot be read is a config/paths finding (its layout status, below); the
        // config itself cannot report on itself: it stops the CLI, with its reason.
        if (p === configPath && (err as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`${CONFIG_FILE} ${unreadable(err)}`);
        return undefined;
      }
    }
    try {
      return parseFile(text).docs[0]?.value;
    } catch {
      return undefined;
    }
  };
  const raw = hasConfig ? await read(configPath) : undefined;
  const config = resolveConfig(raw, overrides);
  const drugsPath = path.resolve(root, config.registries.drugs);
  const agenciesPath = path.resolve(root, config.registries.agencies);
  const [drugs, agencies] = await Promise.all([read(drugsPath), read(agenciesPath)]);
  return assembleDataset({
    root,
    hasConfig,
    raw,
    config,
    drugs,
    agencies,
    registries: {
      [config.registries.drugs]: registryStatus(root, drugsPath, liveText?.(drugsPath) !== undefined),
      [config.registries.agencies]: registryStatus(root, agenciesPath, liveText?.(agenciesPath) !== undefined),
    },
    problems,
  });
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

/** Folders deeper than this under a glob's base are not walked (and said so). */
const MAX_DEPTH = 64;

const isUnder = (root: string, p: string) => p === root || p.startsWith(root + path.sep);

/**
 * Lists the dataset: its config and registries, and the files its event globs match. One walk from
 * each glob's base (globs that leave the dataset were dropped by resolveConfig, so nothing outside
 * it is ever walked). Symbolic links that stay inside the dataset are followed (files once by their
 * target, folders once); those that lead out of it are not, and a note says so (takeNotes). A folder
 * that cannot be read, and anything matched that is not a file, is a problem (an error finding in
 * the CLI), never a silent gap.
 */
export async function listDataset(ds: LoadedDataset): Promise<Listing> {
  const root = path.resolve(ds.root);
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return { files: [], problems: [] };
  }
  const globs = datasetGlobs(ds.config);
  const { positive, isEvent, negated, ignored, matches } = globs;
  const problems: ListingProblem[] = [];
  /** Files the event globs match (before `ignore`): plain ones and those reached through links, by real path. */
  const plain = new Map<string, { p: string; rel: string }>();
  const linked = new Map<string, { p: string; rel: string }>();
  const walked = new Set<string>();
  const show = (rel: string) => rel || '.';

  const add = (p: string, rel: string, real: string, viaLink: boolean) => {
    if (!isEvent(rel) || negated(rel)) return;
    if (viaLink) {
      if (!linked.has(real)) linked.set(real, { p, rel });
    } else plain.set(real, { p, rel });
  };

  /** One entry of a folder: `p` its path, `rel` its path in the dataset, `real` where it really is. */
  const visit = (p: string, rel: string, type: Dirent | Stats, viaLink: boolean, depth: number): void => {
    if (type.isDirectory()) {
      walk(p, rel, viaLink, depth + 1);
    } else if (type.isFile()) {
      if (isEvent(rel)) add(p, rel, viaLink ? realpathSync(p) : path.join(realRoot, rel), viaLink);
    } else if (type.isSymbolicLink()) {
      let real: string;
      let st: Stats;
      try {
        real = realpathSync(p);
        st = statSync(real);
      } catch {
        if (matches(rel)) problems.push({ path: p, message: `${rel} is a symbolic link to nothing: it is not read.` });
        return;
      }
      if (!isUnder(realRoot, real)) {
        if (st.isDirectory()) note(`${rel}/ is not checked: it is a symbolic link to a folder outside the dataset (${ds.root}).`);
        else if (matches(rel)) note(`${rel} is not checked: it is a symbolic link to a file outside the dataset (${ds.root}).`);
        return;
      }
      if (st.isDirectory()) walk(p, rel, true, depth + 1);
      else if (st.isFile()) add(p, rel, real, true);
      else if (matches(rel)) problems.push({ path: p, message: `${rel} is ${typeName(st)}, not a file: it is not read.` });
    } else if (matches(rel)) {
      // A FIFO, a socket, a device: opening it could wait forever, so it is never opened.
      problems.push({ path: p, message: `${rel} is ${typeName(type)}, not a file: it is not read.` });
    }
  };

  const walk = (dir: string, rel: string, viaLink: boolean, depth: number): void => {
    let key: string;
    try {
      key = viaLink ? realpathSync(dir) : path.join(realRoot, rel);
    } catch {
      return;
    }
    if (walked.has(key)) return; // a folder reached twice (through a link): walked once
    walked.add(key);
    if (depth > MAX_DEPTH) {
      problems.push({ path: dir, message: `The folder ${show(rel)} is more than ${MAX_DEPTH} folders deep: the files in it are not checked.` });
      return;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      if (!ignored(`${rel}/x.yaml`)) problems.push({ path: dir, message: `The folder ${show(rel)} cannot be read (${errorText(err)}): the files in it are not checked.` });
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      visit(path.join(dir, e.name), rel ? `${rel}/${e.name}` : e.name, e, viaLink, depth);
    }
  };

  for (const base of globBases(positive)) {
    const p = path.join(root, base);
    if (base === '') {
      walk(root, '', false, 0);
      continue;
    }
    let st: Stats;
    try {
      st = lstatSync(p);
    } catch {
      continue; // the glob matches nothing
    }
    // The base's own folders may be links: what is under them is reached through a link.
    let viaLink = st.isSymbolicLink();
    try {
      viaLink ||= realpathSync(path.dirname(p)) !== path.join(realRoot, path.posix.dirname(base));
    } catch {
      continue;
    }
    if (st.isDirectory() && !viaLink) walk(p, base, false, 0);
    else visit(p, base, st, viaLink, 0);
  }

  // The config and the registries (registries outside the dataset are never read: loadDataset).
  const extra: string[] = [];
  for (const rel of [CONFIG_FILE, ds.config.registries.drugs, ds.config.registries.agencies]) {
    const p = path.resolve(root, rel);
    const r = path.relative(root, p);
    if (r.startsWith('..') || path.isAbsolute(r)) continue;
    let st: Stats;
    try {
      st = statSync(p);
    } catch {
      continue; // missing: the findings that need it say so
    }
    const shown = r.split(path.sep).join('/');
    let real: string;
    try {
      real = realpathSync(p);
    } catch {
      continue;
    }
    if (!isUnder(realRoot, real)) note(`${shown} is not checked: it is a symbolic link to a file outside the dataset (${ds.root}).`);
    else if (!st.isFile()) problems.push({ path: p, message: `${shown} is ${typeName(st)}, not a file: it is not read.` });
    else extra.push(p);
  }
  for (const [real, f] of linked) if (!plain.has(real)) plain.set(real, f);
  // `ignore` last, counting what each glob leaves out; then what each events glob holds
  // (config/paths reports the globs that match nothing).
  const events = keepEvents(ds, globs, plain.values());
  const files = [...new Set([...extra, ...events.map((f) => f.p)])].sort();
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems };
}

/** Every file of the dataset (see listDataset), without the problems. */
export async function listDatasetFiles(ds: LoadedDataset): Promise<string[]> {
  return (await listDataset(ds)).files;
}

/**
 * What a file is to its dataset: by the config's globs, then its modeline (the `$schema` comment
 * says what a file is even outside any dataset). Undefined: not a dataset file.
 */
export function kindOf(ds: LoadedDataset, file: string, text: string): FileKind | undefined {
  const rel = path.relative(ds.root, file).split(path.sep).join('/');
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  return kindIn(ds, inside ? rel : undefined, text);
}

/** Why a file named on the command line is not a dataset file, in words for the user. */
export function notDatasetReason(ds: LoadedDataset, file: string): string {
  if (!/\.ya?ml$/i.test(file)) return 'not a YAML file';
  if (!ds.hasConfig) return `no ${CONFIG_FILE} in its folder or above, and no "# yaml-language-server: $schema=" comment saying what it is`;
  return `the events globs of its ${CONFIG_FILE} (${ds.config.events.join(', ')}) do not hold it`;
}
