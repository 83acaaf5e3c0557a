/**
 * Prints how the cost of a check grows in each dimension of the input (test/growth/inputs.ts), up to
 * 100,000 (or a dimension's own largest size), as markdown tables for docs/robustness.md; the growth
 * test (test/growth/growth.test.ts) checks n against 4n in CI.
 *
 *   npm run growth [-- --only keys] [--probes]
 *
 * Each size is checked in this process as the CLI checks a dataset (parse, index, rules, json and
 * sarif reports): processor time, peak heap, findings, report size. With --probes, the built CLI
 * (`npm run build` first) also checks the large inputs of the robustness issue as a child process:
 * wall and processor time, peak memory (resident), exit code and report size.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DIMENSIONS, dimension } from '../test/growth/inputs';
import { measure, sampleDataset } from '../test/growth/measure';

const REPO = join(__dirname, '..');

/** Sizes from max/64 up to max, each 4× the last (rounded), then max. */
function sizes(max: number): number[] {
  const out: number[] = [];
  for (let n = max; n >= max / 64; n /= 4) out.unshift(Math.round(n / 10) * 10 || 1);
  return out;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function curves(only: string | undefined): Promise<void> {
  const ds = await sampleDataset();
  for (const d of DIMENSIONS) {
    if (only && !d.name.includes(only)) continue;
    console.log(`\n### ${d.name}: ${d.what}\n`);
    console.log(`| ${d.unit} | time (ms) | × | heap (MB) | findings | report (MB) |`);
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
    measure(ds, d.make(Math.max(1, Math.floor(d.ci / 4)))); // warm up
    let last: number | undefined;
    for (const n of sizes(d.max ?? 100_000)) {
      const m = measure(ds, d.make(n));
      const growth = last === undefined ? '' : `×${fmt(m.cpuMs / Math.max(last, 1), 1)}`;
      last = m.cpuMs;
      console.log(`| ${fmt(n)} | ${fmt(m.cpuMs)} | ${growth} | ${fmt(m.heapBytes / 1e6, 1)} | ${fmt(m.findings)} | ${fmt(m.output / 1e6, 2)} |`);
    }
  }
}

/** The inputs of the robustness issue: [name, dimension, size]. */
const PROBES: [string, string, number][] = [
  ['a mapping of 100,000 keys', 'keys', 100_000],
  ['a stream of 200,000 documents', 'documents', 200_000],
  ['1,000 near-identical events in one file', 'near-identical events', 1000],
  ['a 200,000-character quote of Arabic number words', 'quote: Arabic number words', 200_000],
  ['a 200,000-character quote of English number words', 'quote: English number words', 200_000],
  ['"6 tons and 183 kilograms " over 200,000 characters', 'quote: compound masses', 200_000],
  ['"may " over 200,000 characters in date.as_reported', 'date phrase', 200_000],
  ['a 9 MB line of flow sequence', 'flow line', 9_000_000],
];

/** Runs the built CLI on a dataset in a child process; its resource use as the child saw it. */
function runCli(dir: string, report: string): { wall: number; cpu: number; rss: number; code: number } {
  const script = `
    const fs = require('fs');
    require(${JSON.stringify(join(REPO, 'dist', 'cli.js'))}).main(process.argv.slice(1)).then((code) => {
      const u = process.resourceUsage();
      fs.writeSync(3, JSON.stringify({ code, cpu: (u.userCPUTime + u.systemCPUTime) / 1000, rss: u.maxRSS * 1024 }));
    });`;
  const started = performance.now();
  const r = spawnSync(process.execPath, ['-e', script, 'check', dir, '--format', 'json', '--output', report], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 20 });
  const wall = performance.now() - started;
  const out = JSON.parse((r.output[3] as string) || '{"code":-1,"cpu":0,"rss":0}') as { code: number; cpu: number; rss: number };
  return { wall, ...out };
}

function probes(): void {
  console.log('\n| input | wall (s) | processor (s) | peak memory (MB) | exit | report (KB) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, dim, n] of PROBES) {
    const dir = mkdtempSync(join(tmpdir(), 'haulcheck-probe-'));
    try {
      cpSync(join(REPO, 'samples', 'haulcheck.yaml'), join(dir, 'haulcheck.yaml'));
      cpSync(join(REPO, 'samples', 'registries'), join(dir, 'registries'), { recursive: true });
      for (const [rel, text] of Object.entries(dimension(dim).make(n).files)) {
        mkdirSync(dirname(join(dir, rel)), { recursive: true });
        writeFileSync(join(dir, rel), text);
      }
      const report = join(dir, 'report.json');
      const r = runCli(dir, report);
      let size = 0;
      try {
        size = statSync(report).size;
      } catch {
        // no report
      }
      console.log(`| ${name} | ${fmt(r.wall / 1000, 2)} | ${fmt(r.cpu / 1000, 2)} | ${fmt(r.rss / 1e6)} | ${r.code} | ${fmt(size / 1024)} |`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, probes: { type: 'boolean' } } });
  if (values.probes) probes();
  else await curves(values.only);
}

void main();
