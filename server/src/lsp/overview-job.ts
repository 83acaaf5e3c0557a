/**
 * The dataset overview's work (haulcheck/overview, overview.ts): read every file of a dataset (the
 * editors' unsaved texts first), check each event, and sum the dataset up (core/report). In Node it
 * runs in a thread of its own (overview-worker.ts); in a browser on the server's thread.
 */
import { type DatasetSummary, type Summarizer, summarizer } from '../core';
import { type RowsReader, eachRow } from '../shell/rows';

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
  // Each row summed up as it is read: the rows are not held together.
  let sum: Summarizer | undefined;
  await eachRow(
    reader,
    { root: job.root, live },
    {
      dataset: (ds) => {
        const name = (ds.rawConfig as { name?: unknown } | undefined)?.name;
        sum = summarizer({ title: typeof name === 'string' ? name : 'Seizure dataset', today: ds.context.today, registries: ds.context.registries });
      },
      row: (row) => sum!.add(row),
    },
  );
  return sum!.finish();
}
