/**
 * The dataset overview's thread in Node (bundled as dist/server-overview.js), so that the language
 * server keeps answering while it reads the dataset (overview-job.ts). When the bundle is missing
 * (running from the sources) the server makes the overview on its own thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DISK_ROWS } from '../node/rows';
import { type OverviewJob, type OverviewMessage, overviewOf } from './overview-job';

if (parentPort && (workerData as Partial<OverviewJob> | undefined)?.root) {
  const port = parentPort;
  const t0 = performance.now();
  overviewOf(DISK_ROWS, workerData as OverviewJob).then(
    (summary) => port.postMessage({ type: 'done', summary, ms: performance.now() - t0 } satisfies OverviewMessage),
    (err) => port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies OverviewMessage),
  );
}
