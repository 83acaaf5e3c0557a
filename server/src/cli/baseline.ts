/**
 * Baselines: a file of known findings, keyed like SARIF's partial fingerprints (rule id, file,
 * JSON pointer, document index) with a count per key, so that a second identical problem still
 * shows. `--update-baseline` writes it sorted, as stable JSON.
 */
import { INTERNAL_RULE_ID } from '../core';
import { UNREADABLE_RULE_ID } from '../node/dataset';
import { type FindingKey, keyOf, keyString } from './keys';
import { type FileResult, type Write, streamJson } from './types';

export interface BaselineEntry extends FindingKey {
  count: number;
}

export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

export function makeBaseline(results: FileResult[], root: string): Baseline {
  const counts = new Map<string, BaselineEntry>();
  for (const r of results)
    for (const f of r.findings) {
      // Internal errors and what could not be read are never recorded: they are never "known".
      if (f.ruleId === INTERNAL_RULE_ID || f.ruleId === UNREADABLE_RULE_ID) continue;
      const k = keyOf(root, r.path, f);
      const s = keyString(k);
      const e = counts.get(s);
      if (e) e.count++;
      else counts.set(s, { ...k, count: 1 });
    }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const findings = [...counts.values()]
    .sort((a, b) => cmp(a.file, b.file) || cmp(a.ruleId, b.ruleId) || a.docIndex - b.docIndex || cmp(a.pointer, b.pointer))
    .map((e) => ({ file: e.file, ruleId: e.ruleId, docIndex: e.docIndex, pointer: e.pointer, count: e.count }));
  return { version: 1, findings };
}

/** Writes a baseline as it goes, one entry at a time: stable, pretty JSON. (It is applied while files are checked: see limits.ts.) */
export function writeBaseline(b: Baseline, write: Write): void {
  streamJson(write, { version: b.version, findings: [] }, 'findings', b.findings);
}

/** Reads a baseline; throws an Error with a readable message when it is not one. */
export function parseBaseline(text: string): Baseline {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw new Error(`not JSON (${(err as Error).message})`);
  }
  const b = v as Partial<Baseline>;
  if (!b || typeof b !== 'object' || b.version !== 1 || !Array.isArray(b.findings)) throw new Error('not a haulcheck baseline (expected {"version": 1, "findings": [...]})');
  for (const e of b.findings) {
    if (!e || typeof e.ruleId !== 'string' || typeof e.file !== 'string' || typeof e.pointer !== 'string' || typeof e.docIndex !== 'number' || !Number.isInteger(e.count) || e.count < 1)
      throw new Error(`bad entry ${JSON.stringify(e)}`);
  }
  return b as Baseline;
}
