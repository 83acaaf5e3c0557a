/**
 * The `haulcheck` command. The only code that touches the terminal, argv and exit codes.
 * Exit codes: 0 clean, 1 findings at or above --fail-on (or over --max-warnings), 2 bad usage or
 * unreadable input, 3 an internal error.
 */
import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_FILE, INTERNAL_RULE_ID, SEVERITY_RANK, limitFindings, notADay } from '../core';
import { makeBaseline, parseBaseline, writeBaseline } from './baseline';
import { InputError, UsageError, checkRun } from './check';
import { UNREADABLE_RULE_ID, takeNotes } from '../node/dataset';
import { chunked, decodeText, errorText, openOutput, readFileBytesSync } from '../node/files';
import { CACHE_FILE_NAME, defaultCacheFile } from '../node/cache';
import { fixFile } from './fix';
import { ReplacedFiles } from '../node/replace';
import { INIT_HELP, runInit } from './init';
import { analysisCommand } from './analysis';
import { runExtract } from './extract';
import { DEFAULT_MAX_ANNOTATIONS, formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatJunit } from './formatters/junit';
import { formatRdjson } from './formatters/rdjson';
import { formatSarif } from './formatters/sarif';
import { formatStylish, summaryLine } from './formatters/stylish';
import { changedSince } from './git';
import { realPath } from './keys';
import { escapeControls } from './terminal';
import type { FileResult, FormatContext, Formatter } from './types';
import {
  BaselineHider,
  DEFAULT_MAX_FINDINGS_PER_FILE,
  DEFAULT_MAX_FINDINGS_PER_RULE,
  type ReportLimits,
  countBySeverity,
  highestRank,
  limitFor,
  truncatedFinding,
} from './limits';
import { VERSION } from './version';

export { VERSION };

const FORMATTERS: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  rdjson: formatRdjson,
};

const HELP = `Usage: haulcheck check [paths...] [options]
       haulcheck init [DIR] [--from samples]   (haulcheck init --help)
       haulcheck extract [FILE|-] --published YYYY-MM-DD [options]   (haulcheck extract --help)

Checks a seizure-event dataset: YAML syntax, the JSON Schema, and the consistency rules.
With no paths, checks the dataset whose haulcheck.yaml is in the current folder or above.
A folder checks every dataset file under it; a file is checked on its own (cross-file
facts still come from its dataset).

Output:
  -f, --format <name>      ${Object.keys(FORMATTERS).join(', ')} (default: stylish; github when
                           GITHUB_ACTIONS=true). Repeatable: each --format writes to the
                           --output that follows it, or to standard output
  -o, --output <file>      Write the report of the preceding --format to a file
      --root <dir>         Paths in sarif, rdjson, junit, github and baselines are relative to
                           this folder (default: the current folder)
      --max-annotations <n> github: annotations per level (default ${DEFAULT_MAX_ANNOTATIONS})
      --max-findings-per-file <n>  Findings shown per file (default ${DEFAULT_MAX_FINDINGS_PER_FILE}; 0: all); a last
                           finding says how many more there are. Every finding counts in
                           the summary and the exit code
      --max-findings-per-rule <n>  Findings of one rule shown per file (default ${DEFAULT_MAX_FINDINGS_PER_RULE}; 0: all)
      --color / --no-color
Gating:
      --fail-on <level>    error, warning or info: exit 1 on a finding at or above it (default error)
      --max-warnings <n>   Exit 1 when there are more than n warnings
      --changed-since <ref>  Check the whole dataset, report only files changed since ref
      --baseline <file>    Hide the findings recorded in this baseline
      --update-baseline    Write the current findings to the --baseline file and exit 0
Fixing:
      --fix                Apply safe fixes to the files
      --unsafe-fixes       Apply unsafe fixes too (implies --fix)
      --fix-read-only      With --fix: fix read-only files too (they stay read-only)
      --dry-run            With --fix: print a unified diff instead of writing
Checking:
      --rule <id=sev>      Override a rule's severity (off, info, warning, error); repeatable
      --today <date>       Use this date (YYYY-MM-DD) as today
      --allow-empty        Exit 0 even when no event file was checked (otherwise exit 2)
  -j, --jobs <n>           Worker threads (default: one thread, or one worker per two CPUs
                           with 4 CPUs or more and 2,000 files a worker: where workers pay)
      --cache              Keep each file's results and use them while the file, the config,
                           the registries and Haulcheck are unchanged (dataset-wide findings
                           are worked out again from every file's facts)
      --cache-location <path>  The cache file, or a folder to keep it in (default: a file per
                           working folder in the user's cache folder, e.g. ~/.cache/haulcheck)
  -h, --help               Show this help
  -v, --version            Show the version

Every run ends with a summary line on standard error: files, events, problems by severity, time.

Exit codes: 0 clean, 1 findings at or above --fail-on (or more warnings than --max-warnings),
2 bad usage, unreadable input (a file or folder that cannot be read), no event file checked, or a
file --fix could not write, 3 an internal error.

Also: haulcheck report [paths...] --out DIR      an HTML report with charts, a map and a table
      haulcheck export [paths...] --format csv|jsonl|geojson [--output FILE]
      (haulcheck report --help, haulcheck export --help)
`;

export interface Io {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  /** Whether standard error is a terminal (the summary line is coloured there). */
  stderrIsTTY?: boolean;
  env: Record<string, string | undefined>;
  /** Milliseconds on a monotonic clock (injected by tests). */
  now?: () => number;
  /** Standard input, read whole (extract reads the article there). */
  stdin?: () => string;
  stdinIsTTY?: boolean;
}

const defaultIo = (): Io => ({
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
  stderrIsTTY: !!process.stderr.isTTY,
  env: process.env,
  now: () => performance.now(),
  stdin: () => readFileSync(0, 'utf8'),
  stdinIsTTY: !!process.stdin.isTTY,
});

const FAIL_ON: Record<string, number> = { error: SEVERITY_RANK.error, warning: SEVERITY_RANK.warning, info: SEVERITY_RANK.info };

export async function main(argv: string[], given: Io = defaultIo()): Promise<number> {
  // Nothing from the data (file names, keys, values) reaches the terminal as a control sequence:
  // every message to stderr is escaped (the reports escape their own text: see terminal.ts).
  const io: Io = { ...given, stderr: (s) => given.stderr(escapeControls(s)) };
  try {
    return await run(argv, io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof InputError) {
      io.stderr(`haulcheck: ${err.message}\n`);
      return 2;
    }
    io.stderr(`haulcheck: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 3;
  }
}

function count(n: string | undefined, name: string, min: number): number | undefined {
  if (n === undefined) return undefined;
  if (!/^\d+$/.test(n) || Number(n) < min) throw new UsageError(`${name} expects a whole number${min ? ` of at least ${min}` : ''}, not "${n}".`);
  return Number(n);
}

async function run(argv: string[], io: Io): Promise<number> {
  // The analysis commands have options of their own (analysis.ts).
  if (argv[0] === 'report' || argv[0] === 'export') return analysisCommand(argv[0], argv.slice(1), io);
  if (argv.find((a) => !a.startsWith('-')) === 'init') return init(argv.filter((a, i) => i !== argv.indexOf('init')), io);
  if (argv[0] === 'extract') return runExtract(argv.slice(1), { cwd: io.cwd, stdout: io.stdout, stderr: io.stderr, stdin: io.stdin ?? (() => ''), stdinIsTTY: io.stdinIsTTY ?? true });
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      tokens: true,
      options: {
        format: { type: 'string', short: 'f', multiple: true },
        output: { type: 'string', short: 'o', multiple: true },
        root: { type: 'string' },
        'max-annotations': { type: 'string' },
        'max-findings-per-file': { type: 'string' },
        'max-findings-per-rule': { type: 'string' },
        'fail-on': { type: 'string' },
        'max-warnings': { type: 'string' },
        'changed-since': { type: 'string' },
        baseline: { type: 'string' },
        'update-baseline': { type: 'boolean' },
        fix: { type: 'boolean' },
        'unsafe-fixes': { type: 'boolean' },
        'fix-read-only': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        rule: { type: 'string', multiple: true },
        today: { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        'allow-empty': { type: 'boolean' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    io.stderr(`haulcheck: ${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals, tokens } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout(VERSION + '\n');
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command !== 'check') {
    io.stderr(command ? `haulcheck: unknown command "${command}"\n\n${HELP}` : HELP);
    return 2;
  }
  // Each --format takes the --output that follows it (before the next --format); an --output
  // given before any --format goes with the first one.
  const outputs: { format: string; output?: string }[] = [];
  let pending: string | undefined;
  for (const t of tokens ?? []) {
    if (t.kind !== 'option') continue;
    if (t.name === 'format') {
      outputs.push({ format: t.value!, output: pending });
      pending = undefined;
    } else if (t.name === 'output') {
      const last = outputs[outputs.length - 1];
      if (last && last.output === undefined) last.output = t.value!;
      else if (pending === undefined && outputs.length === 0) pending = t.value!;
      else throw new UsageError(`--output ${t.value} follows no --format of its own; pair each --format with one --output.`);
    }
  }
  const defaultFormat = io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish';
  if (outputs.length === 0) outputs.push({ format: defaultFormat, output: pending });
  for (const o of outputs)
    if (!FORMATTERS[o.format]) throw new UsageError(`unknown format "${o.format}"; choose one of ${Object.keys(FORMATTERS).join(', ')}.`);
  if (outputs.filter((o) => o.output === undefined).length > 1) throw new UsageError('only one --format can go to standard output; give the others an --output file.');
  if (values.today !== undefined) {
    const why = notADay(values.today);
    if (why) throw new UsageError(`--today: ${values.today} is not a date: ${why}.`);
  }
  const failOn = values['fail-on'] ?? 'error';
  if (!(failOn in FAIL_ON)) throw new UsageError(`--fail-on expects error, warning or info, not "${failOn}".`);
  const maxWarnings = count(values['max-warnings'], '--max-warnings', 0);
  const maxAnnotations = count(values['max-annotations'], '--max-annotations', 0) ?? DEFAULT_MAX_ANNOTATIONS;
  const jobs = count(values.jobs, '--jobs', 1) ?? 'auto';
  const limits: ReportLimits = {
    perFile: count(values['max-findings-per-file'], '--max-findings-per-file', 0) ?? DEFAULT_MAX_FINDINGS_PER_FILE,
    perRule: count(values['max-findings-per-rule'], '--max-findings-per-rule', 0) ?? DEFAULT_MAX_FINDINGS_PER_RULE,
  };
  if (values['update-baseline'] && !values.baseline) throw new UsageError('--update-baseline needs --baseline FILE.');
  if (values['dry-run'] && !values.fix && !values['unsafe-fixes']) throw new UsageError('--dry-run goes with --fix or --unsafe-fixes.');
  if (values['fix-read-only'] && !values.fix && !values['unsafe-fixes']) throw new UsageError('--fix-read-only goes with --fix or --unsafe-fixes.');
  if (values['cache-location'] !== undefined && !values.cache) throw new UsageError('--cache-location goes with --cache.');
  const cacheFile = values.cache ? cacheFileFor(values['cache-location'], io) : undefined;
  const ruleOverrides: Record<string, string> = {};
  for (const r of values.rule ?? []) {
    const m = /^([^=]+)=(off|info|warning|error)$/.exec(r);
    if (!m) throw new UsageError(`--rule expects id=severity (off, info, warning, error), not "${r}".`);
    ruleOverrides[m[1]] = m[2];
  }
  const root = path.resolve(io.cwd, values.root ?? '.');
  const baselinePath = values.baseline ? path.resolve(io.cwd, values.baseline) : undefined;
  let baseline;
  if (baselinePath && !values['update-baseline']) {
    if (!existsSync(baselinePath)) throw new InputError(`Cannot read the baseline ${values.baseline}: no such file (create it with --update-baseline).`);
    let text: string;
    try {
      text = decodeText(readFileBytesSync(baselinePath));
    } catch (err) {
      throw new InputError(`Cannot read the baseline ${values.baseline}: ${errorText(err)}.`);
    }
    try {
      baseline = parseBaseline(text);
    } catch (err) {
      throw new InputError(`Cannot read the baseline ${values.baseline}: ${(err as Error).message}`);
    }
  }
  const changed = values['changed-since'] !== undefined ? await changedSince(values['changed-since'], io.cwd) : undefined;

  const now = io.now ?? (() => performance.now());
  const started = now();
  // Each file's findings are kept as the report shows them (the baseline's hidden, at most the limits,
  // the rest counted) while the files are checked; a new baseline records every finding.
  const keep = !values['update-baseline'];
  const baselineSpec = baseline && keep ? { entries: baseline.findings, root } : undefined;
  const run = await checkRun({ paths, cwd: io.cwd, ruleOverrides, today: values.today, jobs, ...(cacheFile ? { cache: { file: cacheFile } } : {}), limits: keep ? limits : undefined, baseline: baselineSpec });
  let results = run.results;
  for (const n of takeNotes()) io.stderr(`haulcheck: note: ${n}\n`);
  for (const p of run.cache?.problems ?? []) io.stderr(`haulcheck: note: ${p}.\n`);
  for (const n of run.notDataset) io.stderr(`haulcheck: ${path.relative(io.cwd, n.file) || n.file} is not a dataset file (${n.why}); it is not checked.\n`);
  // Nothing silently unchecked: a run that read no event file says so and fails, unless asked not to.
  const empty = run.eventsRead === 0 && !values['allow-empty'];
  if (run.eventsRead === 0) {
    const why = run.datasets.map((ds) => {
      const root = path.relative(io.cwd, ds.root) || '.';
      return ds.hasConfig
        ? `the events globs of ${path.join(root, CONFIG_FILE)} (${ds.config.events.join(', ')}) match no file`
        : `${root} has no ${CONFIG_FILE} (haulcheck init starts a dataset)`;
    });
    io.stderr(`haulcheck: no event file was checked: ${why.join('; ')}${values['allow-empty'] ? '' : '. Pass --allow-empty if that is expected'}.\n`);
  }
  const stderrColor = values['no-color'] ? false : values.color ? true : !!io.stderrIsTTY && !io.env.NO_COLOR;
  const summary = (code: number) => {
    io.stderr(summaryLine(results, now() - started, stderrColor, run.cache) + '\n');
    return code;
  };
  const hider = baselineSpec && new BaselineHider(baselineSpec);
  const internal = results.some((r) => r.findings.some((f) => f.ruleId === INTERNAL_RULE_ID));
  // What could not be read is an error finding in the report, said on stderr too, and the run exits 2.
  const unreadable = results.flatMap((r) => r.findings.filter((f) => f.ruleId === UNREADABLE_RULE_ID));
  for (const f of unreadable) io.stderr(`haulcheck: ${f.message}\n`);
  const isUnreadable = (r: FileResult) => r.findings.some((f) => f.ruleId === UNREADABLE_RULE_ID);
  // --changed-since: the whole dataset was checked; only the changed files are reported (and fixed),
  // and whatever could not be read.
  if (changed) results = results.filter((r) => isUnreadable(r) || changed.files.has(realPath(r.path)));

  let exit = 0;
  /** Said after the report: what --fix did, and every file it would have changed but did not write. */
  const fixReport: string[] = [];
  if (values.fix || values['unsafe-fixes']) {
    const level = values['unsafe-fixes'] ? 'unsafe' : 'safe';
    const diffs: string[] = [];
    let applied = 0;
    let files = 0;
    const notFixed: string[] = [];
    // The old files, looked at again a moment after their rename (node/replace.ts).
    const replaced = new ReplacedFiles();
    results = results.map((r) => {
      if (!r.kind || !(r.findings.some((f) => f.fixes?.length) || r.omitted?.fixable)) return r;
      const o = fixFile(r, level, !!values['dry-run'], { readOnly: !!values['fix-read-only'], replaced });
      if (o.error) notFixed.push(o.error);
      if (o.diff) diffs.push(o.diff);
      if (o.changed) files++;
      applied += o.applied;
      if (!keep || o.result.findings === r.findings) return o.result;
      // What is left after fixing, kept as the report shows it.
      const h = hider?.forFile(r.path);
      const left = limitFindings(o.result.findings, limitFor(limits, h?.hide));
      return { ...o.result, findings: left.findings, omitted: left.omitted, hidden: h?.hidden() };
    });
    // A write that landed in an old file after its rename, put back: that file was not fixed after all.
    notFixed.push(...replaced.settle());
    // A diff shown on a terminal is escaped; piped or redirected, it stays a patch that applies.
    if (values['dry-run']) io.stdout(io.isTTY ? escapeControls(diffs.join('')) : diffs.join(''));
    fixReport.push(`haulcheck: ${values['dry-run'] ? 'would apply' : 'applied'} ${applied} ${applied === 1 ? 'fix' : 'fixes'} in ${files} ${files === 1 ? 'file' : 'files'}.\n`);
    for (const n of notFixed) fixReport.push(`haulcheck: not fixed: ${n}\n`);
    if (notFixed.length) {
      fixReport.push(`haulcheck: ${notFixed.length} ${notFixed.length === 1 ? 'file was' : 'files were'} not fixed (see above).\n`);
      exit = 2;
    }
  }

  const shown = (p: string) => path.relative(io.cwd, p) || p;
  if (values['update-baseline']) {
    const b = makeBaseline(results, root);
    try {
      const out = openOutput(baselinePath!, shown);
      try {
        writeBaseline(b, out.write);
      } finally {
        out.close();
      }
    } catch (err) {
      throw new InputError(`cannot write the baseline ${values.baseline}: ${errorText(err)}.`);
    }
    const n = b.findings.reduce((s, e) => s + e.count, 0);
    for (const line of fixReport) io.stderr(line);
    io.stderr(`haulcheck: wrote ${n} ${n === 1 ? 'finding' : 'findings'} to the baseline ${values.baseline}.\n`);
    return summary(internal ? 3 : exit || (empty || unreadable.length ? 2 : 0));
  }
  if (baseline) {
    const hidden = results.reduce((n, r) => n + (r.hidden ?? 0), 0);
    if (hidden) io.stderr(`haulcheck: ${hidden} ${hidden === 1 ? 'finding' : 'findings'} hidden by the baseline ${values.baseline}.\n`);
  }
  // A file whose findings were not all kept ends with one that says how many more there are.
  const reported = results.map((r) => (r.omitted ? { ...r, findings: [...r.findings, truncatedFinding(r.omitted, limits)] } : r));

  for (const o of outputs) {
    const color = o.output === undefined && (values['no-color'] ? false : values.color ? true : io.isTTY && !io.env.NO_COLOR);
    const ctx: FormatContext = { cwd: io.cwd, color, root, maxAnnotations, changedLines: changed?.lines };
    // Written as it is made, in chunks: a report is never one string, whatever its size.
    if (o.output !== undefined) {
      let out: ReturnType<typeof openOutput> | undefined;
      try {
        out = openOutput(path.resolve(io.cwd, o.output), shown);
        FORMATTERS[o.format](reported, ctx, out.write);
        out.close();
      } catch (err) {
        try {
          out?.close();
        } catch {
          // the first error is the one to report
        }
        throw new InputError(`cannot write ${o.output}: ${errorText(err)}.`);
      }
    } else {
      const out = chunked(io.stdout);
      FORMATTERS[o.format](reported, ctx, out.write);
      out.end();
    }
    if (ctx.summary !== undefined && io.env.GITHUB_STEP_SUMMARY) {
      try {
        appendFileSync(io.env.GITHUB_STEP_SUMMARY, ctx.summary);
      } catch (err) {
        io.stderr(`haulcheck: cannot write the job summary ${io.env.GITHUB_STEP_SUMMARY}: ${(err as Error).message}\n`);
      }
    }
  }

  for (const line of fixReport) io.stderr(line);
  if (internal) return summary(3);
  if (exit) return summary(exit);
  if (empty || unreadable.length) return summary(2);
  // Every finding counts, shown or left out by the report's limits.
  if (highestRank(results) >= FAIL_ON[failOn]) return summary(1);
  if (maxWarnings !== undefined && countBySeverity(results).warning > maxWarnings) return summary(1);
  return summary(0);
}

/**
 * The cache file: --cache-location as given (a folder, existing or written with a trailing slash,
 * holds haulcheck-cache.json), else the default in the user's cache folder (never in the dataset).
 */
function cacheFileFor(location: string | undefined, io: Io): string {
  if (location === undefined) return defaultCacheFile(io.cwd, io.env);
  const p = path.resolve(io.cwd, location);
  let folder = /[\\/]$/.test(location);
  try {
    folder ||= statSync(p).isDirectory();
  } catch {
    // a file to be made
  }
  return folder ? path.join(p, CACHE_FILE_NAME) : p;
}

function init(argv: string[], io: Io): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { from: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    io.stderr(`haulcheck: ${(err as Error).message}\n\n${INIT_HELP}`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(INIT_HELP);
    return 0;
  }
  if (parsed.positionals.length > 1) throw new UsageError(`init takes one folder, not ${parsed.positionals.length}.`);
  return runInit(parsed.positionals[0], parsed.values.from, io.cwd, io.stdout);
}
