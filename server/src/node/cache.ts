/**
 * The cache of what was worked out from each file of a dataset, shared by the CLI (`--cache`) and the
 * language server's start-up index (in the editor's storage): by dataset, a key (what everything in
 * it depends on besides the files: the code, the config, the registries) and, by file, the hash of
 * the text and what was read from it (its facts; for the CLI its findings and what they depended on).
 *
 * Nothing in it is trusted blindly: a file that is not a regular file, does not parse, has another
 * format or comes from other code is read as empty, and an entry is used only for a text with the
 * same hash. It is written only where the caller was told to write it, atomically: a new file in the
 * same folder (created exclusively, never through a link), synced, then renamed over the old one, so
 * that a reader (another run) sees the old cache or the new one, whole.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { errorText, makeFolder, readFileBytesSync } from './files';

/** Bumped when the layout of the file changes: a file of another format is not read. */
export const CACHE_FORMAT = 1;

/** SHA-256 of a text (base64, 43 characters). */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('base64').slice(0, 43);
}

let fingerprint: string | undefined;

/**
 * This build's fingerprint: the hash of the running bundle, so that what one build wrote is never
 * read by another (a new rule, a changed reader). From the sources (tests), the module's own file.
 */
export function codeFingerprint(): string {
  if (fingerprint === undefined) {
    try {
      fingerprint = textHash(readFileSync(__filename, 'utf8'));
    } catch {
      fingerprint = 'unknown';
    }
  }
  return fingerprint;
}

/** One file's entry: the hash of the text it was worked out from, and what the user of the cache keeps. */
export interface CacheEntry {
  hash: string;
  [k: string]: unknown;
}

interface Section {
  key: string;
  entries: Record<string, CacheEntry>;
}

interface Stored {
  haulcheck: 'cache';
  format: number;
  sections: Record<string, Section>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * A cache file, read once when opened and written (if anything changed) when saved. Sections are
 * independent (one per dataset, or per purpose); a section saved keeps only the entries set in this
 * run, so that files gone from the dataset leave it.
 *
 * The file's first line is the entries; fields named as `detail` when the cache is opened are kept
 * apart, one JSON line per entry after it, found by the entry's `at` (byte offset and length): a
 * run reads only the details it asks for (`detail`), and one that saves copies the details of the
 * entries it did not change as they are.
 */
export class ResultCache {
  private stored: Record<string, Section>;
  private readonly fresh = new Map<string, Section>();
  private dirty = false;
  /** What follows the first line: the details. */
  private detailBytes: Buffer<ArrayBufferLike>;
  /** Why the file could not be used, if it exists and could not (a broken cache is read as empty). */
  readonly problem: string | undefined;

  private constructor(
    readonly file: string,
    private readonly detailFields: readonly string[],
    problem: string | undefined,
    stored: Record<string, Section>,
    detailBytes: Buffer<ArrayBufferLike> = Buffer.alloc(0),
  ) {
    this.problem = problem;
    this.stored = stored;
    this.detailBytes = detailBytes;
  }

  /** Opens the cache at `file`: what it holds if it can be used, else nothing (and `problem` says why). */
  static open(file: string, detailFields: readonly string[] = []): ResultCache {
    const empty = (problem?: string) => new ResultCache(file, detailFields, problem, {});
    let bytes: Buffer;
    try {
      // A regular file only: a FIFO or a device there would block or never end.
      bytes = readFileBytesSync(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return empty(code === 'ENOENT' ? undefined : `it cannot be read (${errorText(err)})`);
    }
    // JSON never holds a raw line break: the first one ends the entries, the details follow.
    const nl = bytes.indexOf(0x0a);
    let data: unknown;
    try {
      data = JSON.parse(bytes.toString('utf8', 0, nl < 0 ? bytes.length : nl));
    } catch {
      return empty('it is not a cache file (it does not parse); it is replaced');
    }
    if (!isRecord(data) || data.haulcheck !== 'cache' || !isRecord(data.sections)) return empty('it is not a Haulcheck cache file; it is replaced');
    if (data.format !== CACHE_FORMAT) return empty();
    const sections: Record<string, Section> = {};
    for (const [name, s] of Object.entries(data.sections)) {
      if (isRecord(s) && typeof s.key === 'string' && isRecord(s.entries)) sections[name] = { key: s.key, entries: s.entries as Record<string, CacheEntry> };
    }
    return new ResultCache(file, detailFields, undefined, sections, nl < 0 ? Buffer.alloc(0) : bytes.subarray(nl + 1));
  }

  /** The bytes of a stored entry's details, if its `at` is within the file. */
  private detailSlice(e: CacheEntry): Buffer | undefined {
    const at = e.at;
    if (!Array.isArray(at) || at.length !== 2 || !Number.isInteger(at[0]) || !Number.isInteger(at[1])) return undefined;
    const [off, len] = at as [number, number];
    if (off < 0 || len <= 0 || off + len > this.detailBytes.length) return undefined;
    return this.detailBytes.subarray(off, off + len);
  }

  /**
   * The entry of `name` kept for a text of hash `hash`, if the section was written under the same
   * key and the entry has that hash (without its detail fields: see `detail`).
   */
  get(section: string, key: string, name: string, hash: string): CacheEntry | undefined {
    const e = this.peek(section, key, name);
    return e && e.hash === hash ? e : undefined;
  }

  /** The entry of `name` written under the same key, whatever its hash (the caller decides). */
  peek(section: string, key: string, name: string): CacheEntry | undefined {
    const s = this.stored[section];
    if (!s || s.key !== key || !Object.hasOwn(s.entries, name)) return undefined;
    const e = s.entries[name];
    return isRecord(e) && typeof e.hash === 'string' ? e : undefined;
  }

  /** Every entry of a section written under `key` (none under another key). */
  entries(section: string, key: string): Readonly<Record<string, CacheEntry>> {
    const s = this.stored[section];
    return s && s.key === key ? s.entries : {};
  }

  /** The detail fields of a stored entry (see `get`), read from its line (none when it cannot be read). */
  detail(section: string, name: string): Record<string, unknown> {
    const e = this.stored[section]?.entries[name];
    const bytes = e && isRecord(e) ? this.detailSlice(e) : undefined;
    if (!bytes) return {};
    try {
      const d: unknown = JSON.parse(bytes.toString('utf8'));
      return isRecord(d) ? d : {};
    } catch {
      return {};
    }
  }

  /**
   * Keeps an entry for this run's section (`changed`: it differs from what was read). An entry kept
   * as it was read (the same object) keeps its details from the file, and so does one given
   * `detailsOf`: the stored entry it updates.
   */
  set(section: string, key: string, name: string, entry: CacheEntry, changed = true, detailsOf?: CacheEntry): void {
    let s = this.fresh.get(section);
    if (!s || s.key !== key) this.fresh.set(section, (s = { key, entries: {} }));
    s.entries[name] = entry;
    if (detailsOf) this.detailsFrom.set(entry, detailsOf);
    if (changed) this.dirty = true;
  }

  /** Entries of this run that keep the details of a stored entry (an entry updated but for its details). */
  private readonly detailsFrom = new WeakMap<CacheEntry, CacheEntry>();

  /** Whether saving would write anything: an entry changed, or the section lost or gained files. */
  get changed(): boolean {
    if (this.dirty) return true;
    for (const [name, s] of this.fresh) {
      const old = this.stored[name];
      if (!old || old.key !== s.key || Object.keys(old.entries).length !== Object.keys(s.entries).length) return true;
    }
    return false;
  }

  /**
   * Writes the sections set in this run (the others as they were read), atomically, if anything
   * changed. Returns why it could not, if it could not (a cache that cannot be written only costs
   * the next run its speed).
   */
  save(): string | undefined {
    if (!this.changed) return undefined;
    const chunks: Buffer[] = [];
    let offset = 0;
    const newline = Buffer.from('\n');
    const addDetail = (bytes: Buffer): [number, number] => {
      const at: [number, number] = [offset, bytes.length];
      chunks.push(bytes, newline);
      offset += bytes.length + 1;
      return at;
    };
    const sections: Record<string, Section> = {};
    const all = new Map<string, { section: Section; fresh: boolean }>();
    for (const [name, s] of Object.entries(this.stored)) if (!this.fresh.has(name)) all.set(name, { section: s, fresh: false });
    for (const [name, s] of this.fresh) all.set(name, { section: s, fresh: true });
    for (const [name, { section: s, fresh }] of all) {
      const entries: Record<string, CacheEntry> = {};
      for (const [file, e] of Object.entries(s.entries)) {
        const main: CacheEntry = { hash: e.hash };
        const d: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(e)) if (v !== undefined && k !== 'at') (this.detailFields.includes(k) ? d : main)[k] = v;
        // An entry kept as it was read (the same object), or updated but for its details, brings its details from the file.
        const from = !fresh || this.stored[name]?.entries[file] === e ? e : this.detailsFrom.get(e);
        const kept = from && Object.keys(d).length === 0 ? this.detailSlice(from) : undefined;
        if (kept) main.at = addDetail(kept);
        else if (Object.keys(d).length) main.at = addDetail(Buffer.from(JSON.stringify(d)));
        entries[file] = main;
      }
      sections[name] = { key: s.key, entries };
    }
    const data: Stored = { haulcheck: 'cache', format: CACHE_FORMAT, sections };
    const details = Buffer.concat(chunks);
    try {
      writeAtomically(this.file, [Buffer.from(JSON.stringify(data) + '\n'), details]);
    } catch (err) {
      return errorText(err);
    }
    this.stored = sections;
    this.detailBytes = details;
    this.fresh.clear();
    this.dirty = false;
    return undefined;
  }
}

/**
 * Replaces `file` with `text`: a new file beside it (exclusive, not through a link, readable by its
 * owner only), synced, renamed over the old one. Its folder is made if missing.
 */
export function writeAtomically(file: string, content: string | readonly Buffer[]): void {
  makeFolder(path.dirname(file));
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  try {
    for (const bytes of typeof content === 'string' ? [Buffer.from(content, 'utf8')] : content) {
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    }
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    removeQuietly(tmp);
    throw err;
  }
  closeSync(fd);
  try {
    renameSync(tmp, file);
  } catch (err) {
    removeQuietly(tmp);
    throw err;
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // not there
  }
}

/**
 * Where `haulcheck check --cache` keeps its cache unless told otherwise: the user's cache folder
 * (XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows), one
 * file per working folder. Never in the dataset: a run must not leave files in a place nobody chose.
 */
export function defaultCacheFile(cwd: string, env: Record<string, string | undefined>, platform = process.platform, home = os.homedir()): string {
  const base =
    platform === 'win32'
      ? (env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Caches')
        : env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)
          ? env.XDG_CACHE_HOME
          : path.join(home, '.cache');
  return path.join(base, 'haulcheck', `${createHash('sha256').update(path.resolve(cwd)).digest('hex').slice(0, 16)}.json`);
}

/** The name of the cache file in a folder given as --cache-location. */
export const CACHE_FILE_NAME = 'haulcheck-cache.json';
