/**
 * `haulcheck init [DIR] [--from samples]`: writes a new dataset (the core's newDatasetFiles, or a
 * copy of the sample dataset) and prints the next steps. Never writes over a file: when any file it
 * would write exists, it writes nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { type DatasetFile, newDatasetFiles, newDatasetNextSteps } from '../core';
import { InputError, UsageError } from './work';

export const INIT_HELP = `Usage: haulcheck init [DIR] [--from samples]

Creates a dataset in DIR (default: the current folder): a commented haulcheck.yaml, the drug and
agency registries (with the drugs' unit-mass bands), an events/ folder and an example event that
passes every check. --from samples copies the sample dataset instead (twelve events from news
articles, with the disagreements a check reports). Writes nothing if any of its files exists.
`;

/** The sample dataset shipped with Haulcheck: beside the bundle (dist/../samples) or in the sources. */
export function samplesFolder(): string {
  const candidates = [path.join(__dirname, '..', 'samples'), path.join(__dirname, '..', '..', '..', 'samples')];
  const found = candidates.find((c) => existsSync(path.join(c, 'haulcheck.yaml')));
  if (!found) throw new InputError(`cannot find the sample dataset (looked in ${candidates.join(', ')}).`);
  return found;
}

/**
 * The sample dataset's files. Their `# yaml-language-server: $schema=` comments point into this
 * project's schemas/ folder, which a copy elsewhere does not have: they are left out (the dataset's
 * globs say what each file is).
 */
export function sampleFiles(folder = samplesFolder()): DatasetFile[] {
  const out: DatasetFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const text = readFileSync(p, 'utf8');
        out.push({ path: path.relative(folder, p).split(path.sep).join('/'), text: /\.ya?ml$/.test(name) ? text.replace(/^# yaml-language-server: \$schema=\S*\r?\n/, '') : text });
      }
    }
  };
  walk(folder);
  return out;
}

export function runInit(dirArg: string | undefined, from: string | undefined, cwd: string, stdout: (s: string) => void): number {
  if (from !== undefined && from !== 'samples') throw new UsageError(`--from takes "samples", not "${from}".`);
  const dir = path.resolve(cwd, dirArg ?? '.');
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new InputError(`${dirArg} is a file, not a folder.`);
  const files = from === 'samples' ? sampleFiles() : newDatasetFiles({ name: path.basename(dir) });
  const shown = path.relative(cwd, dir) || '.';
  const existing = files.filter((f) => existsSync(path.join(dir, ...f.path.split('/'))));
  if (existing.length) {
    throw new InputError(
      `${shown} already holds ${existing.map((f) => f.path).join(', ')}; init writes nothing over existing files (remove them, or choose another folder).`,
    );
  }
  for (const f of files) {
    const target = path.join(dir, ...f.path.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    // 'wx': never over a file that appeared meanwhile.
    writeFileSync(target, f.text, { flag: 'wx' });
  }
  const steps = newDatasetNextSteps(shown).map((s, i) => `  ${i + 1}. ${s}`);
  stdout(
    `Created a Haulcheck dataset${from === 'samples' ? ' from the samples' : ''} in ${shown}:\n${files.map((f) => `  ${f.path}`).join('\n')}\n\nNext steps:\n${steps.join('\n')}\n`,
  );
  return 0;
}
