/**
 * A worker thread of `haulcheck check --jobs N` (bundled as dist/cli-worker.js). It reads and parses
 * its share of the files, returns their facts, then checks its share against the whole index (a file
 * it was not given to parse, it reads and parses then). It also runs `haulcheck report` and `export`
 * whole, in a thread whose heap is bounded (analysis.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { LoadedDataset } from '../node/dataset';
import type { Dep } from './cache';
import { type Checked, type DatasetSpec, type FactsList, InputError, type Keeping, type ParsedItem, UsageError, type WorkItem, buildIndex, checkItem, checkRecorded, openDataset, parseItem } from './work';
import { type AnalysisCommand, runAnalysis } from './analysis';
import { BaselineHider, type BaselineSpec, type ReportLimits } from './limits';

export type ToWorker =
  | { type: 'parse'; cwd: string; specs: DatasetSpec[]; items: WorkItem[] }
  /** `haulcheck report` or `export`, whole, in a thread of bounded heap (see analysis.ts). */
  | { type: 'analysis'; command: AnalysisCommand; argv: string[]; cwd: string }
  /**
   * `record`: return every finding with what each check read beyond its file (for the cache);
   * otherwise what the report keeps (`limits`, `baseline`).
   */
  | { type: 'check'; cwd: string; specs: DatasetSpec[]; facts: Record<string, FactsList>; items: WorkItem[]; record: boolean; limits?: ReportLimits; baseline?: BaselineSpec };

export type FromWorker =
  | { type: 'parsed'; items: { file: string; kind?: string; facts?: ParsedItem['facts'] }[] }
  | { type: 'checked'; results: ({ file: string; text: string; deps?: Dep[] } & Checked)[] }
  /** What the analysis command wrote to stdout and stderr, and its exit code. */
  | { type: 'analysed'; code: number; stdout: string[]; stderr: string[] }
  | { type: 'error'; input: boolean; usage?: boolean; message: string };

const datasets = new Map<string, LoadedDataset>();
const parsed = new Map<string, ParsedItem>();

async function open(specs: DatasetSpec[]): Promise<void> {
  for (const spec of specs) if (!datasets.has(spec.root)) datasets.set(spec.root, await openDataset(spec));
}

async function handle(msg: ToWorker): Promise<FromWorker> {
  if (msg.type === 'analysis') {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await runAnalysis(msg.command, msg.argv, { cwd: msg.cwd, stdout: (s) => stdout.push(s), stderr: (s) => stderr.push(s) });
    return { type: 'analysed', code, stdout, stderr };
  }
  await open(msg.specs);
  if (msg.type === 'parse') {
    const out: { file: string; kind?: string; facts?: ParsedItem['facts'] }[] = [];
    for (const item of msg.items) {
      const p = await parseItem(datasets.get(item.root)!, item, msg.cwd, item.text);
      parsed.set(item.file, p);
      out.push({ file: item.file, kind: p.kind, facts: p.facts });
    }
    return { type: 'parsed', items: out };
  }
  const indexes = new Map(Object.entries(msg.facts).map(([root, f]) => [root, buildIndex(f)]));
  const keeping: Keeping | undefined = msg.limits ? { limits: msg.limits, baseline: msg.baseline && new BaselineHider(msg.baseline) } : undefined;
  const results: ({ file: string; text: string; deps?: Dep[] } & Checked)[] = [];
  for (const item of msg.items) {
    const ds = datasets.get(item.root)!;
    let p = parsed.get(item.file);
    if (!p) parsed.set(item.file, (p = await parseItem(ds, item, msg.cwd, item.text)));
    const index = indexes.get(item.root)!;
    if (msg.record) results.push({ file: item.file, text: p.text, ...checkRecorded(ds, index, item, p) });
    else results.push({ file: item.file, text: p.text, ...checkItem(ds, index, item, p, keeping) });
  }
  return { type: 'checked', results };
}

parentPort?.on('message', (msg: ToWorker) => {
  handle(msg).then(
    (reply) => parentPort!.postMessage(reply),
    (err: unknown) =>
      parentPort!.postMessage({
        type: 'error',
        input: err instanceof InputError,
        usage: err instanceof UsageError,
        message: err instanceof InputError || err instanceof UsageError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err),
      } satisfies FromWorker),
  );
});
