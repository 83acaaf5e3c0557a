#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self time, and
// the most inclusive time (self + callees), each with its share of the samples.
//
//   node scripts/bench/profile-summary.mjs FILE.cpuprofile [--top 25] [--markdown]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** Self and total time per function (keyed by name and source position), in ms. */
export function summarise(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfSamples = new Map();
  for (const s of profile.samples) selfSamples.set(s, (selfSamples.get(s) ?? 0) + 1);
  // Time deltas are per sample; use the mean interval (robust against a first huge delta).
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const msPerSample = totalMs / Math.max(1, profile.samples.length);
  const keyOf = (n) => {
    const f = n.callFrame;
    const url = f.url ? f.url.replace(/^file:\/\//, '').replace(/.*\/(node_modules\/)/, '$1').replace(/.*\/dist\//, 'dist/') : '';
    return `${f.functionName || '(anonymous)'} ${url ? `${url}:${f.lineNumber + 1}` : ''}`.trim();
  };
  const self = new Map();
  const total = new Map();
  for (const [id, count] of selfSamples) {
    const n = nodes.get(id);
    if (!n) continue;
    const k = keyOf(n);
    self.set(k, (self.get(k) ?? 0) + count);
    // Inclusive: count each function once per sample even when it recurses.
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const ck = keyOf(nodes.get(cur));
      if (seen.has(ck)) continue;
      seen.add(ck);
      total.set(ck, (total.get(ck) ?? 0) + count);
    }
  }
  const samples = profile.samples.length;
  const rows = (m) =>
    [...m.entries()]
      .map(([fn, n]) => ({ fn, ms: n * msPerSample, pct: (100 * n) / samples }))
      .sort((a, b) => b.ms - a.ms);
  return { totalMs, samples, self: rows(self), total: rows(total) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  const topIdx = args.indexOf('--top');
  const top = topIdx >= 0 ? Number(args[topIdx + 1]) : 25;
  const md = args.includes('--markdown');
  if (!file) {
    console.error('usage: node scripts/bench/profile-summary.mjs FILE.cpuprofile [--top N] [--markdown]');
    process.exit(2);
  }
  const s = summarise(JSON.parse(readFileSync(file, 'utf8')));
  const print = (title, rows) => {
    console.log(md ? `\n| ${title} | ms | % |\n|---|---:|---:|` : `\n${title}`);
    for (const r of rows.slice(0, top)) {
      if (md) console.log(`| \`${r.fn}\` | ${r.ms.toFixed(0)} | ${r.pct.toFixed(1)} |`);
      else console.log(`${r.ms.toFixed(0).padStart(8)} ms ${r.pct.toFixed(1).padStart(5)}%  ${r.fn}`);
    }
  };
  console.log(`${(s.totalMs / 1000).toFixed(2)} s profiled, ${s.samples} samples`);
  print('Self time', s.self);
  print('Total time (self + callees)', s.total.filter((r) => !/^\((root|program|idle)\)/.test(r.fn)));
}
