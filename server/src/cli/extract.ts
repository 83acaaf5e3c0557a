/**
 * `haulcheck extract [FILE|-] --published YYYY-MM-DD …`: reads an article's text and prints a draft
 * event (the core's extractArticle), or with --into adds the article as one more source of an
 * existing event (a minimal edit) and checks the event, so that the rules show where it disagrees.
 * The only code of the command that touches files, standard input and the terminal.
 */
import { closeSync, existsSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { type Draft, type Registries, addDraftToEvent, extractArticle, newDatasetRegistries, renderDraft } from '../core';
import { findDatasetRoot, loadDataset, readTextSync } from '../node/dataset';
import { errorText } from '../node/files';
import { type OpenFile, ReplacedFiles, cannotReplace, openForReplace, replaceFile } from '../node/replace';
import { checkRun } from './check';
import { formatStylish } from './formatters/stylish';
import { InputError, UsageError } from './work';

export const EXTRACT_HELP = `Usage: haulcheck extract [FILE|-] --published YYYY-MM-DD [--url URL] [--publisher NAME]
                         [--language CODE] [--format yaml|json] [--into EVENT_FILE]

Reads an article's text (a file, or standard input with - or no FILE) and prints a draft event in
the dataset's format, status draft: the source (publisher, address, publication date, language) and,
as that source's claims, its counts and weights per drug with their hedges and words, the date
(weekdays and "last week" placed against the publication date and kept as written), the country and
province, the arrests and the agencies of the registry it names, with the sentences each value comes
from as quotes. What it cannot read with confidence is left out and listed for review, with the
sentence it is in (as comments in YAML, and in the event's notes).

  --published <date>   The article's publication date (YYYY-MM-DD), or "none" when it shows none:
                       relative dates then stay words
  --url <url>          The article's address
  --publisher <name>   The outlet (the source's id is made from it)
  --language <code>    The article's language (en, de, es, it, fr, tr, el, ar, pl, hu, sw); told
                       from the text when left out. A language the readers do not read gives an
                       empty draft and says so
  --format <name>      yaml (default: the event file, with comments) or json (the event object)
  --into <file>        Add the article as one more source of this event file (a minimal edit that
                       keeps its comments and layout), then check it: the rules show where the new
                       source disagrees. Prints the findings; the exit code is check's
  -h, --help           Show this help

The registries (drug and agency names) are those of the dataset in the current folder or above (or
of the --into file's dataset), else those haulcheck init writes.

Exit codes: 0 a draft was written (or, with --into, the event is clean), 1 (--into) findings at
error level, 2 bad usage or unreadable input.
`;

export interface ExtractIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Standard input, read whole (the article when FILE is - or left out). */
  stdin: () => string;
  stdinIsTTY: boolean;
}

export async function runExtract(argv: string[], io: ExtractIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        published: { type: 'string' },
        url: { type: 'string' },
        publisher: { type: 'string' },
        language: { type: 'string' },
        format: { type: 'string', short: 'f' },
        into: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${EXTRACT_HELP}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(EXTRACT_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`extract reads one article, not ${positionals.length}.`);
  const published = values.published;
  if (published === undefined) throw new UsageError('extract needs --published YYYY-MM-DD (or --published none when the article shows no date): weekdays and "last week" are placed against it.');
  if (published !== 'none' && !validDay(published)) throw new UsageError(`--published must be a date YYYY-MM-DD or none, not "${published}".`);
  const format = values.format ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') throw new UsageError(`--format takes yaml or json, not "${format}".`);
  if (values.into && values.format) throw new UsageError('--into writes the event file; it takes no --format.');
  if (values.language !== undefined && !/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(values.language)) throw new UsageError(`--language takes a language tag such as en or ar, not "${values.language}".`);
  if (values.url !== undefined && !/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(values.url)) throw new UsageError(`--url takes an address such as https://example.org/article, not "${values.url}".`);

  const text = readArticle(positionals[0], io);
  const intoFile = values.into ? path.resolve(io.cwd, values.into) : undefined;
  if (intoFile && !existsSync(intoFile)) throw new InputError(`Cannot read the event ${values.into}: no such file.`);
  const registries = await registriesFor(intoFile ?? io.cwd);
  const draft = extractArticle({
    text,
    published: published === 'none' ? null : published,
    publishedNote: published === 'none' ? 'The article shows no publication date.' : undefined,
    language: values.language,
    url: values.url ?? null,
    publisher: values.publisher,
    registries: registries.registries,
  });
  for (const m of draft.messages) io.stderr(`haulcheck: ${m}\n`);
  if (!registries.fromDataset) io.stderr('haulcheck: note: no dataset here; drugs and agencies are read with the registries haulcheck init writes.\n');

  if (!intoFile) {
    io.stdout(format === 'json' ? JSON.stringify(draft.event, null, 2) + '\n' : renderDraft(draft));
    io.stderr(summary(draft));
    return 0;
  }
  return into(intoFile, draft, io);
}

function validDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function readArticle(file: string | undefined, io: ExtractIo): string {
  let text: string;
  if (file === undefined || file === '-') {
    if (file === undefined && io.stdinIsTTY) throw new UsageError(`give the article as a FILE, or on standard input with -.\n\n${EXTRACT_HELP}`);
    text = io.stdin();
  } else {
    try {
      text = readTextSync(path.resolve(io.cwd, file));
    } catch (err) {
      throw new InputError(`Cannot read the article ${file}: ${errorText(err)}.`);
    }
  }
  if (text.includes('\u0000')) throw new InputError('The article is not text (it holds NUL bytes).');
  if (!text.trim()) throw new InputError('The article is empty.');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The registries of the dataset at or above `where`, else the ones `haulcheck init` writes. */
async function registriesFor(where: string): Promise<{ registries: Registries; fromDataset: boolean }> {
  const root = findDatasetRoot(where);
  if (root) {
    const ds = await loadDataset(root);
    if (ds.context.registries && ds.context.registries.drugs.size > 0) return { registries: ds.context.registries, fromDataset: true };
  }
  return { registries: newDatasetRegistries(), fromDataset: false };
}

/** One line on standard error: what was read and how much is left to review. */
function summary(d: Draft): string {
  if (!d.read) return 'haulcheck: an empty draft: nothing was read.\n';
  const seizures = (d.event.seizures as unknown[]).length;
  return `haulcheck: a draft of ${seizures} ${seizures === 1 ? 'seizure' : 'seizures'} with ${d.provenance.length} values, each from a quoted sentence; ${d.review.length} ${d.review.length === 1 ? 'point' : 'points'} to review.\n`;
}

async function into(file: string, draft: Draft, io: ExtractIo): Promise<number> {
  const name = path.relative(io.cwd, file) || file;
  if (!draft.read) throw new InputError(`nothing was read from the article; ${name} is left as it is.`);
  let open: OpenFile;
  try {
    open = openForReplace(realpathSync(file));
  } catch (err) {
    throw new InputError(`cannot read ${name}: ${errorText(err)}.`);
  }
  const replaced = new ReplacedFiles();
  let handedOver = false;
  try {
    const refused = cannotReplace(open, { name });
    if (refused) throw new InputError(`${refused}.`);
    const decoded = open.raw.toString('utf8');
    const bom = decoded.charCodeAt(0) === 0xfeff;
    const text = bom ? decoded.slice(1) : decoded;
    let result;
    try {
      result = addDraftToEvent(text, draft);
    } catch (err) {
      throw new InputError(`cannot add the article to ${name}: ${(err as Error).message}`);
    }
    // Written as --fix writes: nothing lost, a change meanwhile kept (node/replace.ts).
    const written = replaceFile(open, Buffer.from((bom ? '\uFEFF' : '') + result.text, 'utf8'), { name, during: 'the article was being added', notDone: 'the article was not added', replaced });
    // Replaced, the old file is handed over, looked at again a moment later and closed then.
    handedOver = replaced.owns(open.fd);
    const error = written ?? replaced.settle()[0];
    if (error) throw new InputError(`${error}.`);
    io.stderr(`haulcheck: added to ${name}: ${result.added.join(', ')}.\n`);
  } finally {
    if (!handedOver) closeSync(open.fd);
  }
  const run = await checkRun({ paths: [file], cwd: io.cwd, jobs: 1 });
  formatStylish(run.results, { cwd: io.cwd, color: false, root: io.cwd, maxAnnotations: 0 }, io.stdout);
  return run.results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
