/**
 * The `haulcheck` command. The only code that touches the terminal, argv and exit codes.
 * Exit codes: 0 no errors, 1 errors found, 2 bad usage or unreadable input.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as path from 'node:path';
import { InputError, UsageError, runCheck } from './check';
import { formatJson } from './formatters/json';
import { formatStylish } from './formatters/stylish';
import type { Formatter } from './types';

const VERSION = '0.1.0';

const FORMATTERS: Record<string, Formatter> = { stylish: formatStylish, json: formatJson };

const HELP = `Usage: haulcheck check [paths...] [options]

Checks a seizure-event dataset: YAML syntax, the JSON Schema, and the consistency rules.
With no paths, checks the dataset whose haulcheck.yaml is in the current folder or above.
A folder checks every dataset file under it; a file is checked on its own (cross-file
facts still come from its dataset).

Options:
  -f, --format <name>   Output format: ${Object.keys(FORMATTERS).join(', ')} (default: stylish)
  -o, --output <file>   Write the report to a file instead of standard output
      --rule <id=sev>   Override a rule's severity (off, info, warning, error); repeatable
      --today <date>    Use this date (YYYY-MM-DD) as today
      --color / --no-color
  -h, --help            Show this help
  -v, --version         Show the version

Exit codes: 0 no errors, 1 errors found, 2 bad usage or unreadable input.
`;

export interface Io {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

const defaultIo = (): Io => ({
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
  env: process.env,
});

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        rule: { type: 'string', multiple: true },
        today: { type: 'string' },
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
  const { values, positionals } = parsed;
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
  const formatName = values.format ?? 'stylish';
  const formatter = FORMATTERS[formatName];
  if (!formatter) {
    io.stderr(`haulcheck: unknown format "${formatName}"; choose one of ${Object.keys(FORMATTERS).join(', ')}.\n`);
    return 2;
  }
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
    io.stderr(`haulcheck: --today must be a date YYYY-MM-DD, not "${values.today}".\n`);
    return 2;
  }
  const ruleOverrides: Record<string, string> = {};
  for (const r of values.rule ?? []) {
    const m = /^([^=]+)=(off|info|warning|error)$/.exec(r);
    if (!m) {
      io.stderr(`haulcheck: --rule expects id=severity (off, info, warning, error), not "${r}".\n`);
      return 2;
    }
    ruleOverrides[m[1]] = m[2];
  }
  let results;
  try {
    results = await runCheck({ paths, cwd: io.cwd, ruleOverrides, today: values.today });
  } catch (err) {
    if (err instanceof UsageError || err instanceof InputError) {
      io.stderr(`haulcheck: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const color = values['no-color'] ? false : values.color ? true : io.isTTY && !io.env.NO_COLOR && !values.output;
  const report = formatter(results, { cwd: io.cwd, color });
  if (values.output) {
    try {
      writeFileSync(path.resolve(io.cwd, values.output), report);
    } catch (err) {
      io.stderr(`haulcheck: cannot write ${values.output}: ${(err as Error).message}\n`);
      return 2;
    }
  } else if (report) {
    io.stdout(report);
  }
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  return errors > 0 ? 1 : 0;
}
