/**
 * `haulcheck report` and `haulcheck export`: the dataset as an HTML report (charts, a map, the
 * disagreements, a table of events with their findings) and as rows for analysis (CSV, JSON Lines,
 * GeoJSON). Both read the dataset the way `haulcheck check` does (node/rows.ts) and sum it up with the
 * core (core/report); this file only parses arguments and writes files.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { type EventRow, type Registries, summarize, toCsv, toGeoJson, toJsonl } from '../core';
import { writeOutput } from '../node/files';
import { datasetRows, datasetsOf } from '../node/rows';
import { reportHtml } from './report-html';
import { InputError, UsageError } from './work';

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

interface Loaded {
  rows: EventRow[];
  title?: string;
  today?: string;
  registries?: Registries;
  root: string;
}

async function load(paths: string[], cwd: string, today: string | undefined): Promise<Loaded> {
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today must be a date YYYY-MM-DD, not "${today}".`);
  let datasets: Map<string, Set<string> | undefined>;
  try {
    datasets = await datasetsOf(paths, cwd);
  } catch (err) {
    throw new InputError((err as Error).message);
  }
  const rows: EventRow[] = [];
  let first: Loaded | undefined;
  for (const [root, files] of datasets) {
    const r = await datasetRows({ root, files, today });
    if (r.unreadable.length) throw new InputError(`Cannot read ${path.relative(cwd, r.unreadable[0].file) || r.unreadable[0].file}: ${r.unreadable[0].message}`);
    // Rows of several datasets keep their files apart by the dataset's folder.
    const prefix = datasets.size > 1 ? path.relative(cwd, root).split(path.sep).join('/') + '/' : '';
    for (const row of r.rows) rows.push(prefix ? { ...row, file: prefix + row.file } : row);
    const name = (r.dataset.rawConfig as { name?: unknown } | undefined)?.name;
    first ??= { rows, root, title: typeof name === 'string' ? name : undefined, today: r.dataset.context.today, registries: r.dataset.context.registries };
  }
  return first ?? { rows, root: cwd };
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
  const { rows } = await load(positionals, io.cwd, values.today);
  const text = format === 'csv' ? toCsv(rows, { bom: !values['no-bom'] }) : format === 'jsonl' ? toJsonl(rows) : toGeoJson(rows);
  if (values.output === undefined) io.stdout(text);
  else {
    write(values.output, text, io.cwd);
    io.stderr(`haulcheck: wrote ${rows.length} ${rows.length === 1 ? 'event' : 'events'} to ${values.output}.\n`);
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
  const loaded = await load(positionals, io.cwd, values.today);
  const summary = summarize(loaded.rows, { title: values.title ?? loaded.title ?? 'Seizure dataset', today: loaded.today, registries: loaded.registries });
  const outDir = path.resolve(io.cwd, values.out);
  // Links from the report to the event files, relative to where the report is written.
  const filesBase = path.relative(outDir, loaded.root).split(path.sep).join('/');
  const file = write(path.join(outDir, 'index.html'), reportHtml(summary, { filesBase: filesBase ? filesBase + '/' : '' }), io.cwd);
  io.stderr(`haulcheck: wrote ${path.relative(io.cwd, file) || file}: ${summary.headline.events} events, ${summary.disagreements.length} disagreements.\n`);
  return 0;
}
