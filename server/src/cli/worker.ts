/**
 * A worker thread of `haulcheck check --jobs N` (bundled as dist/cli-worker.js). It reads and parses
 * its share of the files, returns their facts, then checks its share against the whole index.
 */
import { parentPort } from 'node:worker_threads';
import type { LoadedDataset } from '../node/dataset';
import { type Checked, type DatasetSpec, type FactsList, InputError, type Keeping, type ParsedItem, type WorkItem, buildIndex, checkItem, openDataset, parseItem } from './work';
import { BaselineHider, type BaselineSpec, type ReportLimits } from './limits';

export type ToWorker =
  | { type: 'parse'; cwd: string; specs: DatasetSpec[]; items: WorkItem[] }
  | { type: 'check'; facts: Record<string, FactsList>; files: string[]; limits?: ReportLimits; baseline?: BaselineSpec };

export type FromWorker =
  | { type: 'parsed'; items: { file: string; kind?: string; facts?: ParsedItem['facts'] }[] }
  | { type: 'checked'; results: ({ file: string; text: string } & Checked)[] }
  | { type: 'error'; input: boolean; message: string };

const datasets = new Map<string, LoadedDataset>();
const parsed = new Map<string, { item: WorkItem; parsed: ParsedItem }>();

async function handle(msg: ToWorker): Promise<FromWorker> {
  if (msg.type === 'parse') {
    for (const spec of msg.specs) if (!datasets.has(spec.root)) datasets.set(spec.root, await openDataset(spec));
    const out: { file: string; kind?: string; facts?: ParsedItem['facts'] }[] = [];
    for (const item of msg.items) {
      const p = await parseItem(datasets.get(item.root)!, item, msg.cwd);
      parsed.set(item.file, { item, parsed: p });
      out.push({ file: item.file, kind: p.kind, facts: p.facts });
    }
    return { type: 'parsed', items: out };
  }
  const indexes = new Map(Object.entries(msg.facts).map(([root, f]) => [root, buildIndex(f)]));
  const keeping: Keeping | undefined = msg.limits ? { limits: msg.limits, baseline: msg.baseline && new BaselineHider(msg.baseline) } : undefined;
  const results = msg.files.map((file) => {
    const { item, parsed: p } = parsed.get(file)!;
    return { file, text: p.text, ...checkItem(datasets.get(item.root)!, indexes.get(item.root)!, item, p, keeping) };
  });
  return { type: 'checked', results };
}

parentPort?.on('message', (msg: ToWorker) => {
  handle(msg).then(
    (reply) => parentPort!.postMessage(reply),
    (err: unknown) =>
      parentPort!.postMessage({
        type: 'error',
        input: err instanceof InputError,
        message: err instanceof InputError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err),
      } satisfies FromWorker),
  );
});
