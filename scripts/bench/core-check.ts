/**
 * The CLI's work on one thread, without the CLI: list the dataset, parse every file once, index the
 * events' facts, check every file with every rule, serialise the findings as the json formatter
 * would. Used by the benchmark to profile and time the core apart from the command line shell (its
 * worker threads, formatters and exit codes). Bundled with esbuild by scripts/bench/run.mjs.
 *
 *   node core-check.js DIR [--phases] [--dump FILE]   (--dump: every finding as JSON lines, to compare runs)
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, DatasetIndex, type ParsedFile, checkParsed, extractFacts, parseFile } from '../../server/src/core';
import { kindOf, listDatasetFiles, loadDataset, readTextSync } from '../../server/src/node/dataset';

async function main() {
  const root = path.resolve(process.argv[2] ?? '.');
  const phases = process.argv.includes('--phases');
  // --rule-times: time spent in each rule's check, summed over the run.
  const ruleTimes = new Map<string, number>();
  if (process.argv.includes('--rule-times')) {
    for (const rule of ALL_RULES) {
      const check = rule.check.bind(rule);
      (rule as { check: typeof rule.check }).check = (ctx) => {
        const t = performance.now();
        try {
          check(ctx);
        } finally {
          ruleTimes.set(rule.meta.id, (ruleTimes.get(rule.meta.id) ?? 0) + performance.now() - t);
        }
      };
    }
  }
  // Processor time as well as wall time: on a shared machine the wall time of one phase varies by
  // ±30 % with the other work; the processor time of this process varies far less.
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const c0 = cpu();
  const t0 = performance.now();
  const ds = await loadDataset(root);
  const files = await listDatasetFiles(ds);
  const t1 = performance.now();
  const texts = files.map((f) => readTextSync(f));
  const t2 = performance.now();
  const parsed: ParsedFile[] = texts.map((t) => parseFile(t));
  const t3 = performance.now();
  const index = new DatasetIndex();
  const rel = files.map((f) => path.relative(root, f).split(path.sep).join('/'));
  const kinds = files.map((f, i) => kindOf(ds, f, texts[i]));
  files.forEach((_, i) => {
    if (kinds[i] === 'event') index.set(rel[i], extractFacts(rel[i], parsed[i]));
  });
  const t4 = performance.now();
  const c4 = cpu();
  const dumpAt = process.argv.indexOf('--dump');
  const dump: string[] = [];
  let findings = 0;
  let bytes = 0;
  for (let i = 0; i < files.length; i++) {
    const kind = kinds[i];
    if (!kind) continue;
    const f = checkParsed(parsed[i], kind, { config: ds.config, dataset: { ...ds.context, index }, path: rel[i] });
    findings += f.length;
    if (dumpAt > 0) for (const x of f) dump.push(JSON.stringify([rel[i], x.ruleId, x.range.start.offset, x.message]));
    bytes += JSON.stringify({ filePath: files[i], messages: f.map((x) => ({ ruleId: x.ruleId, severity: x.severity, message: x.message, line: x.range.start.line + 1, column: x.range.start.character + 1, pointer: x.pointer })) }).length;
  }
  const t5 = performance.now();
  const c5 = cpu();
  if (dumpAt > 0) writeFileSync(process.argv[dumpAt + 1], dump.join('\n') + '\n');
  const out = { files: files.length, findings, bytes, ms: t5 - t0 } as Record<string, number>;
  if (phases) Object.assign(out, { listMs: t1 - t0, readMs: t2 - t1, parseMs: t3 - t2, indexMs: t4 - t3, checkMs: t5 - t4, cpuMs: c5 - c0, checkCpuMs: c5 - c4 });
  process.stdout.write(JSON.stringify(out) + '\n');
  if (ruleTimes.size) {
    for (const [id, ms] of [...ruleTimes].sort((a, b) => b[1] - a[1])) process.stdout.write(`${ms.toFixed(0).padStart(7)} ms  ${id}\n`);
  }
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(3);
});
