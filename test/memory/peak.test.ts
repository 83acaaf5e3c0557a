/**
 * Generous memory bounds on a mid-size generated dataset (3,000 events), measured as the kernel sees
 * them: the language server's peak while it indexes and checks every file, and the peak of
 * `haulcheck report`. They hold with a wide margin (docs/performance.md, "Memory": 176–193 MB and
 * 167–178 MB here, where the tree before this bound measured 241–250 and 210–213 MB) and catch a peak
 * that comes back; what exactly is kept is tested in test/core/detached.test.ts, the bounded threads
 * in test/protocol/index-heap.test.ts and test/report/thread.test.ts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspClient, SERVER_JS } from '../helpers/lsp-client';
// @ts-expect-error plain .mjs script without type declarations
import { writeDataset } from '../../scripts/bench/generate.mjs';

const EVENTS = 3000;
const SERVER_PEAK_MB = 230;
const REPORT_PEAK_MB = 230;
const CLI_JS = join(__dirname, '..', '..', 'dist', 'cli.js');

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'haulcheck-peak-'));
  writeDataset(join(dir, 'ds'), { events: EVENTS, seed: 2 });
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** The kernel's high-water mark of a process's resident memory (MB), where /proc tells it. */
function peakOf(pid: number): number | undefined {
  try {
    const kb = /^VmHWM:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

test(`the language server on ${EVENTS.toLocaleString('en')} events, every file's problems: peak under ${SERVER_PEAK_MB} MB`, async (t) => {
  if (!existsSync('/proc/self/status')) return t.skip('no /proc here to read the peak of the server process from');
  assert.ok(existsSync(SERVER_JS), 'dist/server.js is missing: run `npm run build` first');
  const root = join(dir, 'ds');
  const c = new LspClient();
  try {
    await c.initialize(root, {}, { statusNotifications: true });
    const status = await c.ready(root, 120_000);
    assert.equal(status.events, EVENTS);
    assert.equal(status.checked, status.files, 'every file checked');
    const peak = peakOf(c.proc.pid!);
    assert.ok(peak !== undefined, 'the peak of the server process is readable');
    t.diagnostic(`peak ${peak.toFixed(0)} MB`);
    assert.ok(peak < SERVER_PEAK_MB, `the server's peak was ${peak.toFixed(0)} MB`);
  } finally {
    await c.close();
  }
});

test(`haulcheck report on ${EVENTS.toLocaleString('en')} events: peak under ${REPORT_PEAK_MB} MB`, (t) => {
  assert.ok(existsSync(CLI_JS), 'dist/cli.js is missing: run `npm run build` first');
  // The process's own maximum resident set (its report thread included), as the command ends.
  const script = `require(${JSON.stringify(CLI_JS)}).main(process.argv.slice(1), { cwd: process.cwd(), stdout: () => {}, stderr: (s) => process.stderr.write(s), isTTY: false, env: {} })
    .then((code) => process.stdout.write(JSON.stringify({ code, peakMB: process.resourceUsage().maxRSS / 1024 })));`;
  const r = spawnSync(process.execPath, ['-e', script, 'report', join(dir, 'ds'), '--out', join(dir, 'report'), '--today', '2026-01-01'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const { code, peakMB } = JSON.parse(r.stdout) as { code: number; peakMB: number };
  assert.equal(code, 0, r.stderr);
  assert.match(r.stderr, new RegExp(`${EVENTS} events`));
  t.diagnostic(`peak ${peakMB.toFixed(0)} MB`);
  assert.ok(peakMB < REPORT_PEAK_MB, `the report's peak was ${peakMB.toFixed(0)} MB`);
});
