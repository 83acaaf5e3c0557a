/**
 * `--fix`: applies fixes (safe ones, or all with --unsafe-fixes) until the text is stable, then
 * replaces the file atomically (a temporary file in the same folder, fsync, rename), keeping a
 * leading byte-order mark, the file's line endings, its owner and its mode. `--dry-run` gives a
 * unified diff instead.
 *
 * It loses nothing (node/replace.ts): a file that is not valid UTF-8 is never rewritten (its bytes
 * would be replaced); a read-only file is left alone unless asked (`readOnly`); and the file is
 * replaced only if it is still the same file with the same bytes right before the rename, a write
 * that reaches it in the instant before the rename being put back.
 *
 * Nothing here throws for a file it cannot fix: the outcome says why (`error`), and the command
 * reports it after its report and exits 2.
 */
import { closeSync, constants, fstatSync, openSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { type FixSafety, LineIndex, fixText } from '../core';
import { errorText } from '../node/files';
import { type ReplaceOptions, ReplacedFiles, readAll, replaceFile } from '../node/replace';
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

/** Fix read-only files too (`readOnly`: `--fix-read-only`; their mode stays read-only), and the test hooks. */
/**
 * `replaced`: where a run of many fixes hands the old files, looked at again once at the end (see
 * ReplacedFiles; the run then settles it and reports what was put back). Without it, the one file
 * fixed is looked at again before fixFile returns.
 */
export type FixOptions = Pick<ReplaceOptions, 'readOnly' | 'beforeRename' | 'inWindow' | 'replaced'>;

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
  const replaced = opts.replaced ?? new ReplacedFiles();
  let outcome: FixOutcome;
  try {
    outcome = fixOpenFile(r, file, fd, level, dryRun, { ...opts, replaced });
  } catch (err) {
    outcome = notFixed(`${name}: ${why(err)}`);
  } finally {
    if (!replaced.owns(fd)) closeSync(fd);
  }
  if (opts.replaced) return outcome;
  const [putBack] = replaced.settle();
  return putBack ? notFixed(putBack) : outcome;
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
  const content = Buffer.from((bom ? '\uFEFF' : '') + out, 'utf8');
  const error = replaceFile({ file, fd, st, raw }, content, { name, during: 'it was being fixed', notDone: 'the file was not fixed', ...opts });
  if (error) return notFixed(error);
  return { result: keep(out, findings), applied: fixed.applied, changed: true };
}

