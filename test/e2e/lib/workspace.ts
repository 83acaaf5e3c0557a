/**
 * A throw-away dataset for the real-editor tests: a copy of samples/ plus one broken event,
 * written by the test, that the language server must flag.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { SAMPLES_DIR } from './paths';

export const BROKEN_ID = '2026-01-01-sy-test-captagon';
export const BROKEN_REL = `events/2026/${BROKEN_ID}.yaml`;
/** The misspelt status value; the server should suggest "reviewed". */
export const BAD_STATUS = 'reviewd';
/** The required key the broken event leaves out. */
export const MISSING_KEY = 'title';

export interface TestWorkspace {
  dir: string;
  /** Absolute path of the broken event. */
  brokenFile: string;
  brokenText: string;
  /** 0-based line of `status: reviewd` in the broken event. */
  statusLine: number;
  /** Which sample the broken event was made from (relative to samples/), or 'built-in'. */
  madeFrom: string;
  cleanup(): void;
}

/** Used only when samples/ has no event with single-line `status:` and `title:` keys. */
const FALLBACK_EVENT = `id: 2026-02-22-sy-homs-captagon
status: draft
type: seizure
title: Captagon shipment seized in Homs province
date:
  on: 2026-02-22
  precision: day
  source: medialine
location:
  country: SY
  admin1: Homs
  precision: admin1
seizures:
  - drug: captagon
    form: tablet
    count: {value: 400000, unit: tablets, qualifier: about, source: medialine}
sources:
  - id: medialine
    publisher: The Media Line
    published: 2026-02-22
    language: en
    quotes:
      - "security agencies seized approximately 400,000 Captagon pills"
`;

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

const topLevelKey = (line: string) => /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];

/** A sample event with one document and single-line top-level `id`, `status` and `title`. */
function usableSample(text: string): boolean {
  const lines = text.split('\n');
  if (lines.some((l) => /^(---|\.\.\.)\s*$/.test(l))) return false;
  const single = (key: string) => {
    const i = lines.findIndex((l) => topLevelKey(l) === key);
    return i >= 0 && /^\S+\s*:\s*\S/.test(lines[i]) && !/:\s*[|>]/.test(lines[i]) && (i + 1 >= lines.length || !/^\s+\S/.test(lines[i + 1]));
  };
  return single('id') && single('status') && single('title');
}

/** The event text with id = BROKEN_ID, `status: reviewd`, and no `title`. */
export function breakEvent(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const key = topLevelKey(line);
    if (key === MISSING_KEY) continue;
    if (key === 'id') out.push(`id: ${BROKEN_ID}`);
    else if (key === 'status') out.push(`status: ${BAD_STATUS}`);
    else out.push(line);
  }
  return out.join('\n');
}

export function makeWorkspace(): TestWorkspace {
  if (!existsSync(join(SAMPLES_DIR, 'haulcheck.yaml'))) {
    throw new Error(`samples/haulcheck.yaml is missing: the real-editor tests copy the sample dataset`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'haulcheck-e2e-ws-'));
  cpSync(SAMPLES_DIR, dir, { recursive: true });
  let madeFrom = 'built-in';
  let source = FALLBACK_EVENT;
  for (const f of yamlFiles(join(SAMPLES_DIR, 'events'))) {
    const text = readFileSync(f, 'utf8');
    if (usableSample(text)) {
      madeFrom = relative(SAMPLES_DIR, f);
      source = text;
      break;
    }
  }
  const brokenText = breakEvent(source);
  const brokenFile = join(dir, BROKEN_REL);
  mkdirSync(join(dir, 'events', '2026'), { recursive: true });
  writeFileSync(brokenFile, brokenText);
  const statusLine = brokenText.split('\n').findIndex((l) => l.startsWith(`status: ${BAD_STATUS}`));
  return {
    dir,
    brokenFile,
    brokenText,
    statusLine,
    madeFrom,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
