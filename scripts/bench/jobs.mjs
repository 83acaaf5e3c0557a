#!/usr/bin/env node
// When do worker threads pay? Runs `haulcheck check` (the built dist/cli.js, cold, one process a
// run) on generated datasets with --jobs 1, 2, … and prints wall and CPU time, interleaved so that
// a change in the machine's load hits every setting alike. Used to choose the --jobs default
// (docs/performance.md, "Worker threads").
//
//   node scripts/bench/jobs.mjs [--sizes 100,1000,10000] [--jobs 1,2] [--repeat 3]
//
// Datasets are generated with scripts/bench/generate.mjs (seed 1) under .scratch/bench-jobs/.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const sizes = arg('sizes', '100,1000,10000').split(',').map(Number);
const jobs = arg('jobs', '1,2').split(',').map(Number);
const repeat = Number(arg('repeat', '3'));

// One run in a fresh process; the process's CPU time counts every thread (getrusage of the process).
const RUNNER = `
const { main } = require(${JSON.stringify(join(REPO, 'dist', 'cli.js'))});
const t = performance.now();
const io = { cwd: process.argv[1], stdout: () => {}, stderr: () => {}, isTTY: false, env: {} };
main(['check', '--format', 'json', '--allow-empty', '--jobs', process.argv[2]], io).then((code) => {
  const u = process.cpuUsage();
  process.stdout.write(JSON.stringify({ code, wall: performance.now() - t, cpu: (u.user + u.system) / 1000 }));
});`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`availableParallelism ${availableParallelism()}, load average at start ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log('| events | --jobs | wall s (median) | wall s (runs) | CPU s (median) |');
console.log('|---:|---:|---:|---|---:|');
for (const n of sizes) {
  const dir = join(REPO, '.scratch', 'bench-jobs', String(n));
  if (!existsSync(join(dir, 'haulcheck.yaml'))) execFileSync(process.execPath, [join(REPO, 'scripts', 'bench', 'generate.mjs'), '--events', String(n), '--out', dir, '--seed', '1']);
  const runs = new Map(jobs.map((j) => [j, []]));
  for (let r = 0; r < repeat; r++) {
    for (const j of jobs) {
      const p = spawnSync(process.execPath, ['-e', RUNNER, dir, String(j)], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (p.status !== 0) throw new Error(p.stderr);
      runs.get(j).push(JSON.parse(p.stdout));
    }
  }
  for (const j of jobs) {
    const rs = runs.get(j);
    console.log(`| ${n} | ${j} | ${(median(rs.map((x) => x.wall)) / 1000).toFixed(2)} | ${rs.map((x) => (x.wall / 1000).toFixed(2)).join(', ')} | ${(median(rs.map((x) => x.cpu)) / 1000).toFixed(2)} |`);
  }
}
