/**
 * The heap of the threads that read a whole dataset: the editor's index and its check of every file
 * (lsp/index-worker.ts), the dataset overview (lsp/overview-worker.ts), `haulcheck report` and
 * `export` (cli/analysis.ts).
 *
 * V8 lets a heap grow to a multiple of what it holds after a full collection, and the multiple
 * depends on the heap's limit: up to 4× under Node's default limit (several GB on a large machine),
 * about 1.4× under 512 MB, 1.3× under 256 MB. Reading a dataset makes garbage at every file (texts,
 * parses, findings), so under the default limit a thread holding 60–80 MB grew to 250–300 MB before
 * it collected; under this one it stays near 1.4× what it holds, for the same time. The young
 * generation is kept small for the same reason: what survives a file is kept for the whole run.
 *
 * 512 MB holds the index and facts of about 150,000 events. A dataset too large for it gets a thread
 * without the limit (each caller does it again, and says so).
 */
export const DATASET_THREAD_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 16 } as const;

/** Whether a worker thread's error is that it reached its heap limit. */
export function outOfMemory(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}
