/**
 * `--fix`: applies fixes (safe ones, or all with --unsafe-fixes) until the text is stable, then
 * replaces the file atomically (a temporary file in the same folder, fsync, rename), keeping a
 * leading byte-order mark and the file's line endings, and never over a file that changed since
 * it was read. `--dry-run` gives a unified diff instead.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { type FixSafety, LineIndex, fixText } from '../core';
import type { FileResult } from './types';

export interface FixOutcome {
  /** The result with the findings left after fixing (and the fixed text). */
  result: FileResult;
  applied: number;
  changed: boolean;
  /** Unified diff (dry run). */
  diff?: string;
  /** Why the file was left alone (it changed while being fixed). */
  conflict?: string;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

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

export interface FixHooks {
  /** Called after the temporary file is written, right before the final comparison and rename. */
  beforeRename?: (file: string) => void;
}

export function fixFile(r: FileResult, level: FixSafety, dryRun: boolean, hooks: FixHooks = {}): FixOutcome {
  const raw = readFileSync(r.path);
  const st = statSync(r.path);
  const hash = sha256(raw);
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
    const name = r.displayPath.split(path.sep).join('/');
    return { result: keep(out, findings), applied: fixed.applied, changed: true, diff: createTwoFilesPatch(`a/${name}`, `b/${name}`, text, out) };
  }
  const content = Buffer.from((bom ? '\uFEFF' : '') + out, 'utf8');
  const dir = path.dirname(r.path);
  const tmp = path.join(dir, `.${path.basename(r.path)}.haulcheck-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', st.mode & 0o7777);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    hooks.beforeRename?.(r.path);
    let now: Buffer | undefined;
    let st2;
    try {
      st2 = statSync(r.path);
      now = readFileSync(r.path);
    } catch {
      /* gone */
    }
    if (!now || !st2 || st2.size !== st.size || st2.mtimeMs !== st.mtimeMs || sha256(now) !== hash) {
      unlinkSync(tmp);
      return { result: keep(text, r.findings), applied: 0, changed: false, conflict: `${r.displayPath} changed while it was being fixed; it was left as it is.` };
    }
    renameSync(tmp, r.path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already renamed or removed */
    }
    throw err;
  }
  try {
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    /* not every file system syncs folders */
  }
  return { result: keep(out, findings), applied: fixed.applied, changed: true };
}
