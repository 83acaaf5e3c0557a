/**
 * Checks a growth input in this process as `haulcheck check` does — every file parsed (values only,
 * trees on demand), indexed, checked, and written by the json and sarif formatters — and measures the
 * processor time and the heap it took.
 */
import { GCProfiler } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { DatasetIndex, type FileKind, checkLimited, extractFacts, parseFile } from '../../server/src/core';
import { DEFAULT_MAX_FINDINGS_PER_FILE, DEFAULT_MAX_FINDINGS_PER_RULE, truncatedFinding } from '../../server/src/cli/limits';
import { type LoadedDataset, kindOf, loadDataset } from '../../server/src/node/dataset';
import { formatJson } from '../../server/src/cli/formatters/json';
import { formatSarif } from '../../server/src/cli/formatters/sarif';
import type { FileResult, FormatContext } from '../../server/src/cli/types';
import { LineIndex } from '../../server/src/core';
import { SAMPLES } from '../helpers/dataset';
import type { GrowthInput } from './inputs';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let samples: LoadedDataset | undefined;

/** The report's limits, as the CLI has them by default. */
const LIMITS = { perFile: DEFAULT_MAX_FINDINGS_PER_FILE, perRule: DEFAULT_MAX_FINDINGS_PER_RULE };

/** The sample dataset's config and registries (the inputs bring their own events). */
export async function sampleDataset(): Promise<LoadedDataset> {
  samples ??= await loadDataset(SAMPLES);
  return samples;
}

export interface Outcome {
  findings: number;
  /** Characters the formatters wrote. */
  output: number;
  /** Findings by rule id. */
  byRule: Record<string, number>;
}

/** Checks every file of the input as the CLI does; returns what it found. */
export function checkInput(ds: LoadedDataset, input: GrowthInput, sink: (s: string) => void = () => {}): Outcome {
  const root = '/dataset';
  const parsed = Object.entries(input.files).map(([rel, text]) => {
    const file = parseFile(text, undefined, { trees: 'lazy' });
    const kind = (kindOf(ds, `${ds.root}/${rel}`, text) ?? 'event') as FileKind;
    return { rel, text, file, kind, facts: kind === 'event' ? extractFacts(rel, file) : undefined };
  });
  const index = new DatasetIndex();
  for (const p of parsed) if (p.facts) index.set(p.rel, p.facts);
  const results: FileResult[] = parsed.map((p) => {
    const options = { config: ds.config, dataset: { ...ds.context, index }, path: p.rel, reuse: false };
    const { findings, omitted } = checkLimited(p.file, p.kind, options, LIMITS);
    if (omitted) findings.push(truncatedFinding(omitted, LIMITS));
    return { path: `${root}/${p.rel}`, root, displayPath: p.rel, text: p.text, lines: p.file.lines ?? new LineIndex(p.text), findings, omitted, kind: p.kind, options };
  });
  const ctx: FormatContext = { cwd: root, color: false, root, maxAnnotations: 10 };
  let output = 0;
  for (const format of [formatJson, formatSarif])
    format(results, ctx, (s) => {
      output += s.length;
      sink(s);
    });
  const byRule: Record<string, number> = {};
  let findings = 0;
  for (const r of results) {
    for (const f of r.findings) {
      if (f.ruleId === 'output/truncated') continue;
      byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
      findings++;
    }
    for (const [id, n] of r.omitted?.byRule ?? []) {
      byRule[id] = (byRule[id] ?? 0) + n;
      findings += n;
    }
  }
  return { findings, output, byRule };
}

export interface Measurement extends Outcome {
  /** Processor time (user + system), milliseconds. */
  cpuMs: number;
  /** Highest heap in use while checking, above what was in use before (bytes). */
  heapBytes: number;
}

/** Checks the input once and measures it: processor time, and the peak heap seen by the collector. */
export function measure(ds: LoadedDataset, input: GrowthInput): Measurement {
  gc();
  const before = process.memoryUsage().heapUsed;
  const profiler = new GCProfiler();
  profiler.start();
  const t0 = process.cpuUsage();
  const outcome = checkInput(ds, input);
  const used = process.cpuUsage(t0);
  const after = process.memoryUsage().heapUsed;
  const stats = profiler.stop();
  let peak = after;
  for (const s of stats?.statistics ?? []) peak = Math.max(peak, s.beforeGC.heapStatistics.usedHeapSize);
  return { ...outcome, cpuMs: (used.user + used.system) / 1000, heapBytes: Math.max(0, peak - before) };
}
