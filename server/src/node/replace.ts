/**
 * Replacing a file's bytes without losing any: the new bytes go to a temporary file in the same
 * folder (with the old file's owner and mode, synced to disk), which is renamed over the file only
 * if it is still the same file with the same bytes right before the rename. A write that reaches
 * the old file in the instant between that last comparison and the rename (through a descriptor
 * opened before it) is noticed afterwards, through the descriptor kept open, and put back — right
 * after the rename, and again SETTLE_MS later (ReplacedFiles), for a writer that opened the file
 * before the rename and writes a moment after it. What no POSIX call can close is a file *replaced*
 * (renamed over) in that instant, or a writer that holds the old file open longer: docs/robustness.md.
 *
 * A file that is not valid UTF-8 is never rewritten (its bytes would be replaced); a read-only file
 * is left alone unless asked; a file of another owner or with hard links is left alone. Used by
 * `check --fix` and `extract --into`.
 */
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
  writeSync,
  type BigIntStats,
} from 'node:fs';
import { isUtf8 } from 'node:buffer';
import * as path from 'node:path';
import { LineIndex } from '../core';
import { errorText } from './files';

const why = errorText;

/** A file open for replacement: its real path, the descriptor it was read through, its stat and bytes then. */
export interface OpenFile {
  file: string;
  fd: number;
  st: BigIntStats;
  raw: Buffer;
}

/** How a refusal or a change meanwhile is said, and the test hooks. */
export interface ReplaceOptions {
  /** The file as the user knows it (a path relative to the working folder). */
  name: string;
  /** What was going on, after "changed while": "it was being fixed". */
  during: string;
  /** What did not happen when a change meanwhile was kept: "the file was not fixed". */
  notDone: string;
  /** Replace read-only files too (their mode stays read-only). */
  readOnly?: boolean;
  /** Test hook: after the temporary file is written, before the last comparison. */
  beforeRename?: (file: string) => void;
  /** Test hook: after the last comparison, right before the rename (the window that remains). */
  inWindow?: (file: string) => void;
  /** Where the old file is handed once replaced, to be looked at again a moment later (it then owns `fd`). */
  replaced?: ReplacedFiles;
}

type Said = Pick<ReplaceOptions, 'name' | 'during' | 'notDone'>;

/**
 * Opens a regular file for replacement and reads it. Non-blocking and without following a last
 * symbolic link: were it swapped for a FIFO meanwhile, opening it does not wait for a writer. The
 * caller closes `fd`.
 */
export function openForReplace(file: string): OpenFile {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  try {
    const st = fstatSync(fd, { bigint: true });
    if (!st.isFile()) throw new Error('not a regular file');
    return { file, fd, st, raw: readAll(fd) };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/** Why the file open as `open` may not be replaced (not UTF-8, read-only, another owner, hard links), if so. */
export function cannotReplace({ file, st, raw }: OpenFile, opts: Pick<ReplaceOptions, 'name' | 'readOnly'>): string | undefined {
  if (!isUtf8(raw)) return `${opts.name} is not valid UTF-8 (${badByteAt(raw)}); rewriting it would replace the bytes that are not, so it was left as it is`;
  return refusal(file, st, opts.name, !!opts.readOnly);
}

/**
 * Replaces the file open as `open` by `content` (see the module's comment). Returns undefined when
 * it was replaced, else why not, in a sentence that names the file.
 */
export function replaceFile({ file, fd, st, raw }: OpenFile, content: Buffer, opts: ReplaceOptions): string | undefined {
  const { name } = opts;
  const refused = cannotReplace({ file, fd, st, raw }, opts);
  if (refused) return refused;

  const tmp = tempName(file, 'tmp');
  try {
    writeTemp(tmp, content, st);
  } catch (err) {
    removeQuietly(tmp);
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? `${name}: cannot write in its folder (${why(err)})` : `${name}: cannot write it (${why(err)})`;
  }
  try {
    opts.beforeRename?.(file);
    // The last comparison: the same file (not replaced), the same stat, the same bytes.
    if (!unchangedSince(file, fd, st, raw)) {
      removeQuietly(tmp);
      return `${name} changed while ${opts.during}; it was left as it is`;
    }
    opts.inWindow?.(file);
    renameSync(tmp, file);
  } catch (err) {
    removeQuietly(tmp);
    return `${name}: cannot replace it (${why(err)})`;
  }
  syncFolder(path.dirname(file));
  // A write that reached the old file between the last comparison and the rename, through a
  // descriptor opened before the rename, is in the old file still (open here as fd): put it back.
  const after = readAll(fd);
  if (!after.equals(raw)) return putBack(file, after, content, st, opts);
  opts.replaced?.add({ file, fd, st, raw }, content, opts);
  return undefined;
}

/** How long after its rename an old file is looked at again (ms). */
export const SETTLE_MS = 50;
/** How many old files a run keeps open at once (a process may open about a thousand). */
const MAX_WATCHED = 128;

/**
 * The old files a run replaced, kept open a moment after their rename. A process that opened the
 * file by its path just before the rename and is descheduled before it writes (a shell's `>>`, an
 * editor's append) writes into the old file after the check right after the rename: `settle` looks
 * at each again once SETTLE_MS have passed since its rename, and puts back what landed. A run that
 * replaces many files keeps at most MAX_WATCHED open: the oldest are looked at to make room (their
 * time has mostly passed meanwhile). Owns the descriptors it is given.
 */
export class ReplacedFiles {
  private entries: { open: OpenFile; content: Buffer; said: Said; at: number }[] = [];
  /** What was put back, in words: each a file that was not fixed after all. */
  readonly putBack: string[] = [];

  /** Whether `fd` was handed over (its caller must not close it). */
  owns(fd: number): boolean {
    return this.entries.some((e) => e.open.fd === fd);
  }

  add(open: OpenFile, content: Buffer, said: Said): void {
    this.entries.push({ open, content, said, at: performance.now() });
    while (this.entries.length > MAX_WATCHED) this.look(this.entries.shift()!);
  }

  /** Looks at every old file again, each SETTLE_MS after its rename; returns what was put back. */
  settle(): string[] {
    for (const e of this.entries.splice(0)) this.look(e);
    return this.putBack;
  }

  private look({ open, content, said, at }: { open: OpenFile; content: Buffer; said: Said; at: number }): void {
    try {
      const wait = at + SETTLE_MS - performance.now();
      if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
      const after = readAll(open.fd);
      if (!after.equals(open.raw)) this.putBack.push(putBack(open.file, after, content, open.st, said));
    } finally {
      closeSync(open.fd);
    }
  }
}

/** The whole content of an open file, read from its start. */
export function readAll(fd: number): Buffer {
  const chunks: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, pos);
    if (n === 0) break;
    chunks.push(buf.subarray(0, n));
    pos += n;
  }
  return Buffer.concat(chunks);
}

/** Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629), or -1. */
export function firstInvalidUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** "byte 0xE9 on line 6, column 11": where the first byte that is not UTF-8 is, in the text's terms. */
export function badByteAt(raw: Buffer): string {
  const at = firstInvalidUtf8(raw);
  if (at < 0) return 'a byte that is not UTF-8';
  let before = raw.subarray(0, at).toString('utf8');
  if (before.charCodeAt(0) === 0xfeff) before = before.slice(1);
  const p = new LineIndex(before).position(before.length);
  return `byte 0x${raw[at].toString(16).toUpperCase().padStart(2, '0')} on line ${p.line + 1}, column ${p.character + 1}`;
}

const octal = (mode: bigint | number) => '0' + (Number(mode) & 0o7777).toString(8).padStart(3, '0');

/** Why the current user may not replace this file, if it may not (read-only, another owner). */
function refusal(file: string, st: BigIntStats, name: string, readOnly: boolean): string | undefined {
  const uid = process.getuid?.();
  let writable = (Number(st.mode) & 0o222) !== 0;
  if (writable && uid !== undefined && uid !== 0) {
    try {
      accessSync(file, constants.W_OK);
    } catch {
      writable = false;
    }
  }
  if (!writable && !readOnly) return `${name} is read-only (mode ${octal(st.mode)}); --fix-read-only fixes it anyway`;
  if (uid !== undefined && uid !== 0 && Number(st.uid) !== uid)
    return `${name} belongs to another user (uid ${st.uid}); replacing it would make it yours`;
  if (st.nlink > 1n) return `${name} has ${st.nlink} hard links; replacing it would separate them`;
  return undefined;
}

/** Writes `content` to a new file `tmp` with the owner and mode of `like`, synced to disk. */
function writeTemp(tmp: string, content: Buffer, like: BigIntStats): void {
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  try {
    let off = 0;
    while (off < content.length) off += writeSync(fd, content, off, content.length - off);
    // Owner first: changing it clears set-id bits, which the mode then restores.
    const uid = process.getuid?.();
    if (uid !== undefined && (BigInt(uid) !== like.uid || BigInt(process.getgid?.() ?? -1) !== like.gid))
      fchownSync(fd, uid === 0 ? Number(like.uid) : uid, Number(like.gid));
    fchmodSync(fd, Number(like.mode) & 0o7777);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // not created, or already renamed
  }
}

function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // not every file system syncs folders
  }
}

/**
 * Is `file` still the file open as `fd` (not replaced), with the bytes and the stat it had when read?
 * The bytes first, then the stat (cheap): what stays between this check and the rename is a few
 * system calls.
 */
function unchangedSince(file: string, fd: number, st: BigIntStats, raw: Buffer): boolean {
  if (!readAll(fd).equals(raw)) return false;
  let now: BigIntStats;
  try {
    now = lstatSync(file, { bigint: true });
  } catch {
    return false;
  }
  if (!now.isFile() || now.ino !== st.ino || now.dev !== st.dev) return false;
  const open = fstatSync(fd, { bigint: true });
  return open.size === st.size && open.mtimeNs === st.mtimeNs && open.ctimeNs === st.ctimeNs;
}

function tempName(file: string, what: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.haulcheck-${process.pid}-${randomBytes(4).toString('hex')}.${what}`);
}

/** Writes `content` beside `file` under a new name (never over another), and returns that name. */
function keepAside(file: string, content: Buffer, st: BigIntStats): string {
  const aside = `${file}.haulcheck-kept-${Date.now()}-${randomBytes(3).toString('hex')}`;
  writeTemp(aside, content, st);
  syncFolder(path.dirname(file));
  return path.basename(aside);
}

/**
 * The old file changed in the window: its content (`theirs`) replaces the new file, under the same
 * checks as the replacement itself (the new file kept open, compared right before the rename, looked
 * at again after it). When the new file was changed too, both versions are kept: one in place, the
 * other beside it. Returns what happened, in words.
 */
function putBack(file: string, theirs: Buffer, ours: Buffer, st: BigIntStats, { name, during, notDone }: Said): string {
  const tmp = tempName(file, 'tmp');
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    writeTemp(tmp, theirs, st);
    const current = readAll(fd);
    const same = lstatSync(file, { bigint: true }).ino === fstatSync(fd, { bigint: true }).ino;
    if (!same || !current.equals(ours)) {
      removeQuietly(tmp);
      return `${name} changed twice while ${during}; the file holds the later change, the earlier one is kept in ${keepAside(file, theirs, st)}`;
    }
    renameSync(tmp, file);
    syncFolder(path.dirname(file));
    const after = readAll(fd);
    if (!after.equals(ours))
      return `${name} changed twice while ${during}; the file holds the earlier change, the later one is kept in ${keepAside(file, after, st)}`;
    return `${name} changed while ${during}; the change was kept and ${notDone}`;
  } catch (err) {
    removeQuietly(tmp);
    try {
      return `${name} changed while ${during} and the change could not be put back (${why(err)}); it is kept in ${keepAside(file, theirs, st)}`;
    } catch {
      return `${name} changed while ${during} and the change could not be put back or kept (${why(err)})`;
    }
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
