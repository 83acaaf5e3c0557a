/**
 * `--fix`: applies fixes (safe ones, or all with --unsafe-fixes) until the text is stable, then
 * replaces the file atomically (a temporary file in the same folder, fsync, rename), keeping a
 * leading byte-order mark, the file's line endings, its owner and its mode. `--dry-run` gives a
 * unified diff instead.
 *
 * It loses nothing: a file that is not valid UTF-8 is never rewritten (its bytes would be replaced);
 * a read-only file is left alone unless asked (`readOnly`); and the file is replaced only if it is
 * still the same file with the same bytes right before the rename. A write that reaches the old file
 * in the instant between that last comparison and the rename (through a descriptor opened before
 * it) is noticed afterwards, through the descriptor this module keeps open, and put back. What no
 * POSIX call can close is a file *replaced* (renamed over) in that instant: docs/robustness.md.
 *
 * Nothing here throws for a file it cannot fix: the outcome says why (`error`), and the command
 * reports it after its report and exits 2.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  unlinkSync,
  writeSync,
  accessSync,
  type BigIntStats,
} from 'node:fs';
import { isUtf8 } from 'node:buffer';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { type FixSafety, LineIndex, fixText } from '../core';
import { errorText } from '../node/files';
import type { FileResult } from './types';

export interface FixOutcome {
  /** The result with the findings left after fixing (and the fixed text). */
  result: FileResult;
  applied: number;
  changed: boolean;
  /** Unified diff (dry run). */
  diff?: string;
  /** Why a file the fixes would change was not written (the command exits 2). */
  error?: string;
}

export interface FixOptions {
  /** Fix read-only files too (`--fix-read-only`); their mode stays read-only. */
  readOnly?: boolean;
  /** Test hook: after the temporary file is written, before the last comparison. */
  beforeRename?: (file: string) => void;
  /** Test hook: after the last comparison, right before the rename (the window that remains). */
  inWindow?: (file: string) => void;
}

/** The file's line break, when it uses one kind only; undefined for mixed or none. */
function lineEnding(text: string): '\r\n' | '\n' | '\r' | undefined {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const cr = (text.match(/\r/g) ?? []).length - crlf;
  if (crlf && !lf && !cr) return '\r\n';
  if (cr && !lf && !crlf) return '\r';
  if (lf && !cr && !crlf) return '\n';
  return undefined;
}

const why = errorText;

/** The whole content of an open file, read from its start. */
function readAll(fd: number): Buffer {
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
function badByteAt(raw: Buffer): string {
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

export function fixFile(r: FileResult, level: FixSafety, dryRun: boolean, opts: FixOptions = {}): FixOutcome {
  const name = r.displayPath;
  const notFixed = (error: string): FixOutcome => ({ result: r, applied: 0, changed: false, error });
  // A symbolic link inside the dataset is fixed through its target (which must be inside too).
  let file: string;
  try {
    file = realpathSync(r.path);
  } catch (err) {
    return notFixed(`${name}: cannot read it (${why(err)})`);
  }
  if (r.root) {
    const rel = path.relative(realpathSync(r.root), file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return notFixed(`${name} now leads out of the dataset; it was left as it is`);
  }
  let fd: number;
  try {
    // Non-blocking: were it swapped for a FIFO meanwhile, opening it does not wait for a writer.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (err) {
    return notFixed(`${name}: cannot read it (${why(err)})`);
  }
  try {
    return fixOpenFile(r, file, fd, level, dryRun, opts);
  } catch (err) {
    return notFixed(`${name}: ${why(err)}`);
  } finally {
    closeSync(fd);
  }
}

function fixOpenFile(r: FileResult, file: string, fd: number, level: FixSafety, dryRun: boolean, opts: FixOptions): FixOutcome {
  const name = r.displayPath;
  const notFixed = (error: string): FixOutcome => ({ result: r, applied: 0, changed: false, error });
  const st = fstatSync(fd, { bigint: true });
  if (!st.isFile()) return notFixed(`${name} is not a regular file`);
  const raw = readAll(fd);
  const decoded = raw.toString('utf8');
  const bom = decoded.charCodeAt(0) === 0xfeff;
  const text = bom ? decoded.slice(1) : decoded;
  const fixed = fixText(text, r.kind!, r.options ?? {}, level);
  let out = fixed.text;
  const eol = lineEnding(text);
  if (eol && out !== text) out = out.replace(/\r\n|\r|\n/g, eol);
  const keep = (t: string, findings = fixed.findings) => ({ ...r, text: t, lines: new LineIndex(t), findings });
  if (out === text) return { result: keep(text), applied: 0, changed: false };
  // The findings were computed on fixed.text; line-break normalising changes no position in lines,
  // but may change offsets, so the remaining findings are placed on the text as it is written.
  const findings = out === fixed.text ? fixed.findings : fixText(out, r.kind!, r.options ?? {}, level, 0).findings;
  if (dryRun) {
    const diffName = r.displayPath.split(path.sep).join('/');
    return { result: keep(out, findings), applied: fixed.applied, changed: true, diff: createTwoFilesPatch(`a/${diffName}`, `b/${diffName}`, text, out) };
  }

  // From here on the file would be written: whatever stops that is an error the command reports.
  if (!isUtf8(raw)) return notFixed(`${name} is not valid UTF-8 (${badByteAt(raw)}); rewriting it would replace the bytes that are not, so it was left as it is`);
  const refused = refusal(file, st, name, !!opts.readOnly);
  if (refused) return notFixed(refused);

  const content = Buffer.from((bom ? '\uFEFF' : '') + out, 'utf8');
  const tmp = tempName(file, 'tmp');
  try {
    writeTemp(tmp, content, st);
  } catch (err) {
    removeQuietly(tmp);
    const code = (err as NodeJS.ErrnoException).code;
    return notFixed(code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? `${name}: cannot write in its folder (${why(err)})` : `${name}: cannot write it (${why(err)})`);
  }
  const changedMeanwhile = `${name} changed while it was being fixed; it was left as it is`;
  try {
    opts.beforeRename?.(file);
    // The last comparison: the same file (not replaced), the same stat, the same bytes.
    if (!unchangedSince(file, fd, st, raw)) {
      removeQuietly(tmp);
      return notFixed(changedMeanwhile);
    }
    opts.inWindow?.(file);
    renameSync(tmp, file);
  } catch (err) {
    removeQuietly(tmp);
    return notFixed(`${name}: cannot replace it (${why(err)})`);
  }
  syncFolder(path.dirname(file));
  // A write that reached the old file between the last comparison and the rename, through a
  // descriptor opened before the rename, is in the old file still (open here as fd): put it back.
  const after = readAll(fd);
  if (!after.equals(raw)) return notFixed(putBack(file, after, content, st, name));
  return { result: keep(out, findings), applied: fixed.applied, changed: true };
}

/** Writes `content` beside `file` under a new name (never over another), and returns that name. */
function keepAside(file: string, content: Buffer, st: BigIntStats): string {
  const aside = `${file}.haulcheck-kept-${Date.now()}-${randomBytes(3).toString('hex')}`;
  writeTemp(aside, content, st);
  syncFolder(path.dirname(file));
  return path.basename(aside);
}

/**
 * The old file changed in the window: its content (`theirs`) replaces the fixed file, under the same
 * checks as the fix itself (the fixed file kept open, compared right before the rename, looked at
 * again after it). When the fixed file was changed too, both versions are kept: one in place, the
 * other beside it. Returns what happened, in words.
 */
function putBack(file: string, theirs: Buffer, ours: Buffer, st: BigIntStats, name: string): string {
  const tmp = tempName(file, 'tmp');
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    writeTemp(tmp, theirs, st);
    const current = readAll(fd);
    const same = lstatSync(file, { bigint: true }).ino === fstatSync(fd, { bigint: true }).ino;
    if (!same || !current.equals(ours)) {
      removeQuietly(tmp);
      return `${name} changed twice while it was being fixed; the file holds the later change, the earlier one is kept in ${keepAside(file, theirs, st)}`;
    }
    renameSync(tmp, file);
    syncFolder(path.dirname(file));
    const after = readAll(fd);
    if (!after.equals(ours))
      return `${name} changed twice while it was being fixed; the file holds the earlier change, the later one is kept in ${keepAside(file, after, st)}`;
    return `${name} changed while it was being fixed; the change was kept and the file was not fixed`;
  } catch (err) {
    removeQuietly(tmp);
    try {
      return `${name} changed while it was being fixed and the change could not be put back (${why(err)}); it is kept in ${keepAside(file, theirs, st)}`;
    } catch {
      return `${name} changed while it was being fixed and the change could not be put back or kept (${why(err)})`;
    }
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
