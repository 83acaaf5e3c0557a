/**
 * Stable identities of findings, shared by SARIF's partialFingerprints and the baseline: rule id,
 * file path (relative to the root, `/`-separated), JSON pointer and YAML document index. None of
 * them moves when a file is reformatted or lines are added above a finding.
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../core';

/** A path relative to `root`, `/`-separated (absolute when outside root). */
export function repoPath(root: string, file: string): string {
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return file.split(path.sep).join('/');
  return rel.split(path.sep).join('/');
}

export interface FindingKey {
  ruleId: string;
  file: string;
  pointer: string;
  docIndex: number;
}

export function keyOf(root: string, file: string, f: Finding): FindingKey {
  return { ruleId: f.ruleId, file: repoPath(root, file), pointer: f.pointer, docIndex: f.docIndex };
}

/** One string per key; the pieces are JSON-encoded so that no separator can be forged by a path. */
export function keyString(k: FindingKey): string {
  return JSON.stringify([k.ruleId, k.file, k.pointer, k.docIndex]);
}

/** The `partialFingerprints` value: SHA-256 of the key, hex. */
export function fingerprint(k: FindingKey): string {
  return createHash('sha256').update(keyString(k)).digest('hex');
}

/** Name of the partial fingerprint in SARIF (versioned: a change of the key is a new name). */
export const FINGERPRINT_NAME = 'haulcheckFindingKey/v1';

/** The real path of a file (symlinks resolved), or the path itself when it cannot be resolved. */
export function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
