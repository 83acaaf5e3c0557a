/**
 * Reading and writing files without ever waiting on something that is not a file. A FIFO, a socket
 * or a device given as a config, registry, baseline or event would block a read forever (or never
 * end, /dev/zero): their type is checked before they are opened, they are opened non-blocking (so
 * that one swapped in meanwhile does not block the open), and the open file is checked again.
 * Folders for outputs are made one level at a time, so an impossible place fails at once.
 */
import { type Stats, closeSync, constants, fstatSync, mkdirSync, openSync, promises as fsp, readSync, statSync, writeSync } from 'node:fs';
import * as path from 'node:path';

/** Files larger than this are not read at all (the core refuses texts over 10 MB anyway). */
export const MAX_READ_BYTES = 256 * 1024 * 1024;

/** What a file system entry is, in words: "a FIFO (named pipe)", "a folder"… */
export function typeName(st: Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isSymbolicLink'>): string {
  if (st.isFile()) return 'a file';
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a file';
}

/** A path that exists but is not a regular file: it is never opened. */
export class NotAFileError extends Error {
  constructor(
    readonly file: string,
    /** "a FIFO (named pipe)", "a folder"… */
    readonly type: string,
  ) {
    super(`${file} is ${type}, not a file`);
  }
}

/** A regular file too large to read. */
export class TooLargeError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** `EACCES: permission denied` from a Node error (without the path, which the caller names). */
export function errorText(err: unknown): string {
  if (err instanceof NotAFileError) return `it is ${err.type}, not a file`;
  if (err instanceof TooLargeError) return err.reason;
  const e = err as NodeJS.ErrnoException;
  const text = (e?.message ?? String(err)).replace(/^[A-Z_]+: /, '').replace(/, \w+ '.*'$/, '');
  return e?.code ? `${e.code}: ${text}` : text;
}

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

function checkRegular(file: string, st: Stats): void {
  if (!st.isFile()) throw new NotAFileError(file, typeName(st));
  if (st.size > MAX_READ_BYTES) throw new TooLargeError(`it is ${(st.size / (1024 * 1024)).toFixed(0)} MB; files over ${MAX_READ_BYTES / (1024 * 1024)} MB are not read`);
}

/** The bytes of a regular file (following symbolic links); throws NotAFileError for anything else. */
export function readFileBytesSync(file: string): Buffer {
  checkRegular(file, statSync(file));
  const fd = openSync(file, OPEN_FLAGS);
  try {
    const st = fstatSync(fd);
    checkRegular(file, st);
    // Read to the end, even if the file grew since fstat (one byte more tells whether it did).
    let buf = Buffer.allocUnsafe(st.size + 1);
    let n = 0;
    for (;;) {
      const k = readSync(fd, buf, n, buf.length - n, null);
      if (k === 0) return buf.subarray(0, n);
      n += k;
      if (n === buf.length) {
        if (n > MAX_READ_BYTES) throw new TooLargeError(`it grew over ${MAX_READ_BYTES / (1024 * 1024)} MB while it was read`);
        buf = Buffer.concat([buf, Buffer.allocUnsafe(Math.max(64 * 1024, n))]);
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** The same, without blocking the event loop (for the language server's requests). */
export async function readFileBytes(file: string): Promise<Buffer> {
  checkRegular(file, await fsp.stat(file));
  const handle = await fsp.open(file, OPEN_FLAGS);
  try {
    checkRegular(file, await handle.stat());
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** A file's text as VS Code reads it: UTF-8, a leading byte-order mark dropped. Regular files only. */
export function decodeText(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Makes the folder `dir` (and the missing ones above it), one level at a time: a place that cannot
 * hold a folder (under a file, under /proc or /dev/null) fails at once with a readable error.
 */
export function makeFolder(dir: string, show: (p: string) => string = (p) => p): void {
  const missing: string[] = [];
  let d = path.resolve(dir);
  for (;;) {
    let st: Stats | undefined;
    try {
      st = statSync(d);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (st) {
      if (!st.isDirectory()) throw new Error(`${show(d)} is not a folder`);
      break;
    }
    missing.push(d);
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const m of missing.reverse()) {
    try {
      mkdirSync(m);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(m).isDirectory()) throw err;
    }
  }
}

/**
 * Writes a report or a baseline. Its folder is made if missing (see makeFolder); a folder in its
 * place is refused. A FIFO or a device is written to (`--output /dev/stdout` is a real use).
 */
export function writeOutput(file: string, data: string, show?: (p: string) => string): void {
  const out = openOutput(file, show);
  try {
    out.write(data);
  } finally {
    out.close();
  }
}

/** Bytes gathered before a write: a report goes out in pieces of this size, whatever its length. */
const CHUNK = 1 << 16;

/** A sink that gathers small pieces of text and passes them on in chunks of about CHUNK bytes. */
export function chunked(flush: (text: string) => void): { write: (s: string) => void; end: () => void } {
  let parts: string[] = [];
  let size = 0;
  const drain = () => {
    if (parts.length) flush(parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    write: (s) => {
      parts.push(s);
      size += s.length;
      if (size >= CHUNK) drain();
    },
    end: drain,
  };
}

/**
 * Opens a report or a baseline for writing as it is made (see writeOutput for the folder rules).
 * Pieces are written in chunks, so that a report of any size never is one string.
 */
export function openOutput(file: string, show?: (p: string) => string): { write: (s: string) => void; close: () => void } {
  let st: Stats | undefined;
  try {
    st = statSync(file);
  } catch {
    // a new file
  }
  if (st?.isDirectory()) throw new Error('it is a folder');
  if (!st) makeFolder(path.dirname(file), show);
  const fd = openSync(file, 'w');
  const sink = chunked((text) => {
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
  });
  let open = true;
  return {
    write: sink.write,
    close: () => {
      if (!open) return;
      open = false;
      try {
        sink.end();
      } finally {
        closeSync(fd);
      }
    },
  };
}
