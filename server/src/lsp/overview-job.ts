/**
 * The dataset overview's work (haulcheck/overview, overview.ts): read every file of a dataset (the
 * editors' unsaved texts first), check each event, and sum the dataset up (core/report). In Node it
 * runs in a thread of its own (overview-worker.ts); in a browser on the server's thread.
 */
import { type DatasetSummary, summarize } from '../core';
import { type RowsReader, readRows } from '../shell/rows';

export interface OverviewJob {
  root: string;
  /** Unsaved texts of the open editors, by file. */
  live: Record<string, string>;
}

export interface OverviewResultOf {
  summary: DatasetSummary;
  ms: number;
}

export type OverviewMessage = ({ type: 'done' } & OverviewResultOf) | { type: 'error'; message: string };

export async function overviewOf(reader: RowsReader, job: OverviewJob): Promise<DatasetSummary> {
  const live = (f: string) => (Object.prototype.hasOwnProperty.call(job.live, f) ? job.live[f] : undefined);
  const r = await readRows(reader, { root: job.root, live });
  const name = (r.dataset.rawConfig as { name?: unknown } | undefined)?.name;
  return summarize(r.rows, { title: typeof name === 'string' ? name : 'Seizure dataset', today: r.dataset.context.today, registries: r.dataset.context.registries });
}
