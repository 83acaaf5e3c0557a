/**
 * The dataset overview's work, in a thread of its own so that the language server keeps answering:
 * read every file of a dataset (the editors' unsaved texts first), check each event, and sum the
 * dataset up (core/report). When the bundle is missing (running from the sources) the server calls
 * `overviewOf` on its own thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type DatasetSummary, summarize } from '../core';
import { datasetRows } from '../node/rows';

export interface OverviewJob {
  root: string;
  /** Unsaved texts of the open editors, by absolute path. */
  live: Record<string, string>;
}

export type OverviewMessage = { type: 'done'; summary: DatasetSummary; ms: number } | { type: 'error'; message: string };

export async function overviewOf(job: OverviewJob): Promise<DatasetSummary> {
  const r = await datasetRows({ root: job.root, live: (f) => job.live[f] });
  const name = (r.dataset.rawConfig as { name?: unknown } | undefined)?.name;
  return summarize(r.rows, { title: typeof name === 'string' ? name : 'Seizure dataset', today: r.dataset.context.today, registries: r.dataset.context.registries });
}

if (parentPort && (workerData as Partial<OverviewJob> | undefined)?.root) {
  const port = parentPort;
  const t0 = performance.now();
  overviewOf(workerData as OverviewJob).then(
    (summary) => port.postMessage({ type: 'done', summary, ms: performance.now() - t0 } satisfies OverviewMessage),
    (err) => port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies OverviewMessage),
  );
}
