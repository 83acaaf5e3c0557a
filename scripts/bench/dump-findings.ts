/**
 * Every finding of one or more datasets, whole (rule, severity, message, range, pointer, data,
 * fixes, related), one JSON line each, in a stable order: the proof that an optimisation or the
 * cache changes no finding. Run it before and after a change and compare the files byte for byte.
 *
 *   npx tsx scripts/bench/dump-findings.ts OUT DIR... [--today YYYY-MM-DD] [--cache DIR]
 *
 * `--today` defaults to 2026-01-01 so that two runs on different days give the same dump;
 * `--cache DIR` runs the check with the cache in DIR (see docs/performance.md).
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { checkRun } from '../../server/src/cli/check';

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { today: { type: 'string', default: '2026-01-01' }, cache: { type: 'string' } },
  });
  const [out, ...dirs] = positionals;
  if (!out || dirs.length === 0) throw new Error('usage: dump-findings.ts OUT DIR... [--today YYYY-MM-DD] [--cache DIR]');
  const lines: string[] = [];
  let findings = 0;
  for (const dir of dirs) {
    const root = path.resolve(dir);
    const run = await checkRun({ paths: [root], cwd: root, today: values.today, ...(values.cache ? { cache: { file: path.resolve(values.cache) } } : {}) });
    for (const r of [...run.results].sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0))) {
      for (const f of r.findings) {
        lines.push(JSON.stringify([path.basename(root), r.displayPath, f]));
        findings++;
      }
    }
  }
  writeFileSync(out, lines.join('\n') + '\n');
  process.stdout.write(`${findings} findings of ${dirs.length} dataset(s) written to ${out}\n`);
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(3);
});
