#!/usr/bin/env node
// The floor of a second run with a cache that trusts unchanged files by their stat: start Node, walk
// the dataset's folders and stat every YAML file, nothing else (no module of Haulcheck loaded).
//
//   node scripts/bench/stat-floor.mjs DIR   → {"files": N, "ms": …}
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const t0 = performance.now();
let files = 0;
let bytes = 0;
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.ya?ml$/.test(e.name)) {
      bytes += statSync(p).size;
      files++;
    }
  }
};
walk(process.argv[2] ?? '.');
process.stdout.write(JSON.stringify({ files, bytes, ms: performance.now() - t0 }) + '\n');
