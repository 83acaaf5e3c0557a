/**
 * `haulcheck report` and `haulcheck export`: the dataset as an HTML report (charts, a map, the
 * disagreements, a table of events with their findings) and as rows for analysis (CSV, JSON Lines,
 * GeoJSON). Both read the dataset the way `haulcheck check` does (node/rows.ts) and sum it up with the
 * core (core/report); this file only parses arguments and writes files, and runs both in a thread
 * of bounded heap.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import { type DatasetSummary, type ExportFormat, type Exporter, type Summarizer, exporter, summarizer } from '../core';
import { writeOutput } from '../node/files';
import { DATASET_THREAD_LIMITS, outOfMemory } from '../node/threads';
import { datasetsOf, eachRow } from '../node/rows';
import { reportHtml } from './report-html';
import { InputError, UsageError } from './work';
import { workerScript } from './check';
import type { FromWorker, ToWorker } from './worker';

export interface AnalysisIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const REPORT_HELP = `Usage: haulcheck report [paths...] --out DIR [options]

Writes DIR/index.html: the dataset summed up for analysis, in one self-contained page that opens
from the file system and makes no request to any host. Headline totals per drug (sources that
agree count once; disputed figures span their sides; lower bounds stay lower bounds), a timeline,
totals by country and by agency, a map, every disagreement between sources side by side, and a
sortable, filterable table of the events with their findings.

      --out <dir>      The folder to write (created when missing)
      --title <text>   The report's title (default: the dataset's name in haulcheck.yaml)
      --today <date>   Use this date (YYYY-MM-DD) as today when checking
  -h, --help           Show this help
`;

export const EXPORT_HELP = `Usage: haulcheck export [paths...] --format csv|jsonl|geojson [--output FILE] [options]

One row per seizure (an event without a seizure entry has one row with an empty drug): the event,
its best-known date and the days its claims allow, where it happened, the drug, its count, weight
and volume as the dataset keeps them (low and high ends in base units, the qualifier, the status:
single, agreed, settled, disputed…, the sources), street value, agencies, sources and finding counts.
The columns are described in docs/export.md. GeoJSON: one point per event with coordinates.

  -f, --format <name>  csv (UTF-8 with a byte-order mark, CRLF), jsonl or geojson
  -o, --output <file>  Write to this file (default: standard output)
      --no-bom         csv: leave out the byte-order mark
      --today <date>   Use this date (YYYY-MM-DD) as today when checking
  -h, --help           Show this help
`;

/** The datasets the paths name (see datasetsOf), after checking --today. */
async function datasetsFor(paths: string[], cwd: string, today: string | undefined): Promise<Map<string, Set<string> | undefined>> {
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today must be a date YYYY-MM-DD, not "${today}".`);
  try {
    return await datasetsOf(paths, cwd);
  } catch (err) {
    throw new InputError((err as Error).message);
  }
}

const unreadableError = (cwd: string, u: { file: string; message: string }) => new InputError(`Cannot read ${path.relative(cwd, u.file) || u.file}: ${u.message}`);

/** The dataset's name in its haulcheck.yaml, if it has one. */
const nameOf = (rawConfig: unknown): string | undefined => {
  const name = (rawConfig as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : undefined;
};

/**
 * The export of the datasets the paths name, each row turned into its lines as it is read and then
 * dropped (10,000 events: the rows alone are 42 MB, their CSV 4 MB).
 */
async function exportOf(paths: string[], cwd: string, today: string | undefined, format: ExportFormat, bom: boolean): Promise<Exporter> {
  const datasets = await datasetsFor(paths, cwd, today);
  const out = exporter(format, { bom });
  for (const [root, files] of datasets) {
    const prefix = prefixOf(datasets, root, cwd);
    const r = await eachRow({ root, files, today }, { row: (row) => out.add(prefix ? { ...row, file: prefix + row.file } : row) });
    if (r.unreadable.length) throw unreadableError(cwd, r.unreadable[0]);
  }
  return out;
}

/** Rows of several datasets keep their files apart by the dataset's folder. */
function prefixOf(datasets: Map<string, unknown>, root: string, cwd: string): string {
  return datasets.size > 1 ? path.relative(cwd, root).split(path.sep).join('/') + '/' : '';
}

/**
 * The summary of the datasets the paths name (`summarize` of all their rows), each row summed up as
 * it is read and then dropped (10,000 events: the rows alone are 42 MB).
 */
async function summaryOf(paths: string[], cwd: string, today: string | undefined, title: string | undefined): Promise<{ summary: DatasetSummary; root: string }> {
  const datasets = await datasetsFor(paths, cwd, today);
  let sum: Summarizer | undefined;
  let first: string | undefined;
  for (const [root, files] of datasets) {
    const prefix = prefixOf(datasets, root, cwd);
    const r = await eachRow(
      { root, files, today },
      {
        // The first dataset names the report and gives its registries and today.
        dataset: (ds) => {
          first ??= root;
          sum ??= summarizer({ title: title ?? nameOf(ds.rawConfig) ?? 'Seizure dataset', today: ds.context.today, registries: ds.context.registries });
        },
        row: (row) => sum!.add(prefix ? { ...row, file: prefix + row.file } : row),
      },
    );
    if (r.unreadable.length) throw unreadableError(cwd, r.unreadable[0]);
  }
  return { summary: (sum ?? summarizer({ title: title ?? 'Seizure dataset' })).finish(), root: first ?? cwd };
}

function write(file: string, text: string, cwd: string): string {
  const out = path.resolve(cwd, file);
  try {
    writeOutput(out, text);
  } catch (err) {
    throw new InputError(`cannot write ${file}: ${(err as Error).message}`);
  }
  return out;
}

/** Turns parseArgs' complaints (an unknown option) into usage errors. */
function usage<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export async function exportCommand(argv: string[], io: AnalysisIo): Promise<number> {
  const { values, positionals } = usage(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        'no-bom': { type: 'boolean' },
        today: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) {
    io.stdout(EXPORT_HELP);
    return 0;
  }
  const format = values.format;
  if (format !== 'csv' && format !== 'jsonl' && format !== 'geojson') throw new UsageError(`export needs --format csv, jsonl or geojson${format ? `, not "${format}"` : ''}.`);
  const out = await exportOf(positionals, io.cwd, values.today, format, !values['no-bom']);
  const text = out.finish();
  if (values.output === undefined) io.stdout(text);
  else {
    write(values.output, text, io.cwd);
    io.stderr(`haulcheck: wrote ${out.events} ${out.events === 1 ? 'event' : 'events'} to ${values.output}.\n`);
  }
  return 0;
}

export async function reportCommand(argv: string[], io: AnalysisIo): Promise<number> {
  const { values, positionals } = usage(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        title: { type: 'string' },
        today: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) {
    io.stdout(REPORT_HELP);
    return 0;
  }
  if (!values.out) throw new UsageError('report needs --out DIR, the folder to write index.html to.');
  const { summary, root } = await summaryOf(positionals, io.cwd, values.today, values.title);
  const outDir = path.resolve(io.cwd, values.out);
  // Links from the report to the event files, relative to where the report is written.
  const filesBase = path.relative(outDir, root).split(path.sep).join('/');
  const file = write(path.join(outDir, 'index.html'), reportHtml(summary, { filesBase: filesBase ? filesBase + '/' : '' }), io.cwd);
  io.stderr(`haulcheck: wrote ${path.relative(io.cwd, file) || file}: ${summary.headline.events} events, ${summary.disagreements.length} disagreements.\n`);
  return 0;
}

export type AnalysisCommand = 'report' | 'export';

/** Runs `haulcheck report` or `export` on this thread. */
export function runAnalysis(command: AnalysisCommand, argv: string[], io: AnalysisIo): Promise<number> {
  return command === 'report' ? reportCommand(argv, io) : exportCommand(argv, io);
}

/**
 * Runs `haulcheck report` or `export` in a worker thread of bounded heap (DATASET_THREAD_LIMITS),
 * its output passed on when it is done. A dataset too large for that heap is read again on this
 * thread, without the limit (said on stderr); so is every run where the worker bundle is missing.
 */
export async function analysisCommand(command: AnalysisCommand, argv: string[], io: AnalysisIo, limits: ResourceLimits = DATASET_THREAD_LIMITS): Promise<number> {
  let script: string;
  try {
    script = workerScript();
  } catch {
    return runAnalysis(command, argv, io);
  }
  const reply = await inThread(script, { type: 'analysis', command, argv, cwd: io.cwd }, limits);
  if (reply === 'out of memory') {
    io.stderr(`haulcheck: the ${command} needed more than the ${limits.maxOldGenerationSizeMb} MB its thread may use; reading the dataset again without that limit.\n`);
    return runAnalysis(command, argv, io);
  }
  if (reply.type === 'error') throw reply.usage ? new UsageError(reply.message) : reply.input ? new InputError(reply.message) : new Error(reply.message);
  if (reply.type !== 'analysed') throw new Error(`unexpected reply from the worker thread: ${reply.type}`);
  for (const s of reply.stdout) io.stdout(s);
  for (const s of reply.stderr) io.stderr(s);
  return reply.code;
}

function inThread(script: string, msg: ToWorker, limits: ResourceLimits): Promise<FromWorker | 'out of memory'> {
  return new Promise((resolve, reject) => {
    const w = new Worker(script, { resourceLimits: limits });
    let settled = false;
    const done = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
      void w.terminate();
    };
    w.once('message', (m: FromWorker) => done(() => resolve(m)));
    w.once('error', (err) => done(() => (outOfMemory(err) ? resolve('out of memory') : reject(err))));
    w.once('exit', (code) => done(() => reject(new Error(`the worker thread exited (code ${code}) before it was done`))));
    w.postMessage(msg);
  });
}
