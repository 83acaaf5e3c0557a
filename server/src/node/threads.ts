/**
 * The heap of the threads that read a whole dataset: the editor's index and its check of every file
 * (lsp/node-host.ts, lsp/index-worker.ts), the dataset overview (lsp/overview-worker.ts), `haulcheck
 * report` and `export` (cli/analysis.ts).
 *
 * V8 lets a heap grow to a multiple of what it holds after a full collection, and the multiple
 * depends on the heap's limit: up to 4× under Node's default limit (several GB on a large machine),
 * about 1.4× under 512 MB. Reading a dataset makes garbage at every file (texts, parses, findings),
 * so under the default limit a thread holding 60–80 MB grew by 200 MB and more before it collected
 * (10,000 events: the language server's peak 447 MB, `report`'s 390 MB); under this one it stays
 * near 1.4× what it holds (270 and 255 MB). The young generation is small for the same reason: what
 * survives a file is kept for the whole run, and 8 MB gave the lowest peak of 8, 16 and 32 MB for
 * the same time (docs/performance.md).
 *
 * A thread holds 45–80 MB for 10,000 events: 512 MB leaves room for several times that. A dataset too
 * large for it gets a thread without the limit (each caller does it again, and says so).
 */
export const DATASET_THREAD_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 8 } as const;

/** Whether a worker thread's error is that it reached its heap limit. */
export function outOfMemory(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}
