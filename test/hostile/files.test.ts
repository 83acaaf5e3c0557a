/**
 * No hang on any input the file system can hold, and no silent pass: FIFOs, sockets and devices are
 * refused before they are opened; paths under impossible places fail fast; unreadable folders and
 * files are error findings; symbolic links inside the dataset are checked once, by their target;
 * globs that leave the dataset are a config error and are never walked; impossible dates are
 * findings, and an impossible "today" is a usage error. Every run has a time limit: a hang fails the
 * test instead of hanging it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join, relative } from 'node:path';
import { type JsonResult, VALID_EVENT, haulcheck, tempDataset, unprivileged } from '../helpers/hostile';

const LIMIT = 20_000;
const mkfifo = (p: string) => execFileSync('mkfifo', [p]);

function report(stdout: string, root: string): Map<string, JsonResult> {
  return new Map((JSON.parse(stdout) as JsonResult[]).map((r) => [relative(root, r.filePath), r]));
}

describe('FIFOs, sockets and devices are refused, never waited on', () => {
  let ds: ReturnType<typeof tempDataset>;
  before(() => (ds = tempDataset()));
  after(() => ds.cleanup());

  test('a FIFO as haulcheck.yaml: a message and exit 2, at once', () => {
    const config = join(ds.dir, 'haulcheck.yaml');
    const text = readFileSync(config, 'utf8');
    rmSync(config);
    mkfifo(config);
    try {
      const r = haulcheck(['check', '.'], { cwd: ds.dir, timeoutMs: LIMIT });
      assert.equal(r.timedOut, false, 'the command waited on the FIFO');
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /haulcheck\.yaml is a FIFO \(named pipe\), not a file/);
    } finally {
      rmSync(config);
      writeFileSync(config, text);
    }
  });

  test('a FIFO as a registry: a message and exit 2, at once', () => {
    const drugs = join(ds.dir, 'registries', 'drugs.yaml');
    const text = readFileSync(drugs, 'utf8');
    rmSync(drugs);
    mkfifo(drugs);
    try {
      const r = haulcheck(['check', '.'], { cwd: ds.dir, timeoutMs: LIMIT });
      assert.equal(r.timedOut, false, 'the command waited on the FIFO');
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /registries\/drugs\.yaml is a FIFO \(named pipe\), not a file/);
      // And on its line of haulcheck.yaml, with the checks it turns off (config/paths).
      assert.match(r.stdout, /registries\.drugs: registries\/drugs\.yaml is not a file: .* cannot run\./);
    } finally {
      rmSync(drugs);
      writeFileSync(drugs, text);
    }
  });

  test('a FIFO as --baseline: a message and exit 2, at once', () => {
    const fifo = join(ds.dir, 'baseline.json');
    mkfifo(fifo);
    try {
      const r = haulcheck(['check', '.', '--baseline', 'baseline.json'], { cwd: ds.dir, timeoutMs: LIMIT });
      assert.equal(r.timedOut, false, 'the command waited on the FIFO');
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /Cannot read the baseline baseline\.json: it is a FIFO \(named pipe\), not a file/);
    } finally {
      rmSync(fifo);
    }
  });

  test('a FIFO and a socket among the events, and a device named on the command line: error findings, exit 2, the rest checked', async () => {
    const fifo = join(ds.dir, 'events', '2026', 'pipe.yaml');
    const sock = join(ds.dir, 'events', '2026', 'socket.yaml');
    mkfifo(fifo);
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      const r = haulcheck(['check', '.', '-f', 'json'], { cwd: ds.dir, timeoutMs: LIMIT });
      assert.equal(r.timedOut, false, 'the command waited on the FIFO');
      assert.equal(r.code, 2, r.stderr);
      const res = report(r.stdout, ds.dir);
      assert.match(res.get('events/2026/pipe.yaml')?.messages[0]?.message ?? '', /is a FIFO \(named pipe\), not a file: it is not read/);
      assert.match(res.get('events/2026/socket.yaml')?.messages[0]?.message ?? '', /is a socket, not a file: it is not read/);
      assert.equal(res.get('events/2026/pipe.yaml')?.messages[0]?.ruleId, 'io/unreadable');
      assert.ok(res.has('events/2026/2026-02-22-sy-homs-captagon.yaml'), 'the other files were checked');
      // Named explicitly, a FIFO and a device are refused the same way.
      for (const p of [fifo, '/dev/zero']) {
        const one = haulcheck(['check', p, '-f', 'json'], { cwd: ds.dir, timeoutMs: LIMIT });
        assert.equal(one.timedOut, false, `the command waited on ${p}`);
        assert.equal(one.code, 2, one.stderr);
        assert.match(one.stdout, /not a file: it is not read/);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
      rmSync(fifo, { force: true });
      rmSync(sock, { force: true });
    }
  });

  test('--output under an impossible place fails fast with a message', () => {
    for (const out of ['/proc/self/no-such-folder/report.json', '/dev/null/report.json']) {
      const r = haulcheck(['check', '.', '-f', 'json', '-o', out], { cwd: ds.dir, timeoutMs: LIMIT });
      assert.equal(r.timedOut, false, `--output ${out}: still running after ${LIMIT / 1000} s`);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, new RegExp(`cannot write ${out.replace(/[/.]/g, '\\$&')}`));
    }
  });
});

describe('no silent pass', () => {
  test('an events folder that cannot be read is an error finding naming it (exit 2); the rest is checked', (t) => {
    const ds = tempDataset();
    const who = unprivileged();
    if (who.skip) {
      t.skip(who.skip);
      ds.cleanup();
      return;
    }
    try {
      const locked = join(ds.dir, 'events', '2025');
      mkdirSync(locked);
      writeFileSync(join(locked, '2025-03-01-sy-homs-captagon.yaml'), VALID_EVENT.replace('id: 2026-02-22-sy-homs-captagon', 'id: 2025-03-01-sy-homs-captagon'));
      who.own(ds.dir);
      chmodSync(locked, 0o000);
      const r = haulcheck(['check', '.', '-f', 'json'], { cwd: ds.dir, uid: who.uid, gid: who.gid, timeoutMs: LIMIT });
      // A baseline never records it, so never hides it.
      const recorded = haulcheck(['check', '.', '--baseline', 'baseline.json', '--update-baseline'], { cwd: ds.dir, uid: who.uid, gid: who.gid, timeoutMs: LIMIT });
      const again = haulcheck(['check', '.', '-f', 'json', '--baseline', 'baseline.json'], { cwd: ds.dir, uid: who.uid, gid: who.gid, timeoutMs: LIMIT });
      chmodSync(locked, 0o755);
      assert.equal(recorded.code, 2, recorded.stderr);
      assert.equal(again.code, 2, again.stderr);
      assert.ok(report(again.stdout, ds.dir).get('events/2025')?.messages.some((m) => m.ruleId === 'io/unreadable'), 'hidden by the baseline');
      assert.equal(r.code, 2, r.stderr);
      const res = report(r.stdout, ds.dir);
      const f = res.get('events/2025')?.messages[0];
      assert.ok(f, `no finding on the folder: ${[...res.keys()].join(', ')}`);
      assert.equal(f.ruleId, 'io/unreadable');
      assert.equal(f.severity, 'error');
      assert.match(f.message, /The folder events\/2025 cannot be read \(EACCES: permission denied\): the files in it are not checked/);
      assert.ok(res.has('events/2026/2026-02-22-sy-homs-captagon.yaml'));
    } finally {
      ds.cleanup();
    }
  });

  test('an event file that cannot be read is an error finding naming it; the report of the others is still given', (t) => {
    const ds = tempDataset();
    const who = unprivileged();
    if (who.skip) {
      t.skip(who.skip);
      ds.cleanup();
      return;
    }
    try {
      const secret = join(ds.dir, 'events', '2026', '2026-02-23-sy-homs-captagon.yaml');
      writeFileSync(secret, VALID_EVENT.replace('id: 2026-02-22-sy-homs-captagon', 'id: 2026-02-23-sy-homs-captagon'));
      who.own(ds.dir);
      chmodSync(secret, 0o000);
      const r = haulcheck(['check', '.', '-f', 'json'], { cwd: ds.dir, uid: who.uid, gid: who.gid, timeoutMs: LIMIT });
      assert.equal(r.code, 2, r.stderr);
      const res = report(r.stdout, ds.dir);
      const f = res.get('events/2026/2026-02-23-sy-homs-captagon.yaml')?.messages[0];
      assert.equal(f?.ruleId, 'io/unreadable');
      assert.match(f?.message ?? '', /cannot be read \(EACCES: permission denied\)/);
      assert.ok(res.has('events/2026/2026-02-22-sy-homs-captagon.yaml'), 'the readable event was reported');
    } finally {
      ds.cleanup();
    }
  });

  test('symbolic links inside the dataset are checked once, by their target; links out of it are still reported as such', () => {
    const ds = tempDataset();
    try {
      mkdirSync(join(ds.dir, 'archive', '2024'), { recursive: true });
      // A file linked from events/ (its target is outside the globs): checked, with its finding.
      writeFileSync(join(ds.dir, 'archive', 'kept.yaml'), VALID_EVENT.replace('id: 2026-02-22-sy-homs-captagon', 'id: 2026-02-24-sy-homs-captagon').replace('status: draft', 'status: reviewd'));
      symlinkSync('../../archive/kept.yaml', join(ds.dir, 'events', '2026', '2026-02-24-sy-homs-captagon.yaml'));
      // A link to an event that is checked anyway: not checked twice (no duplicate-id finding).
      symlinkSync('2026-02-22-sy-homs-captagon.yaml', join(ds.dir, 'events', '2026', 'same.yaml'));
      // A folder linked from events/: its files are checked.
      writeFileSync(join(ds.dir, 'archive', '2024', '2024-05-01-sy-homs-captagon.yaml'), VALID_EVENT.replace('id: 2026-02-22-sy-homs-captagon', 'id: 2024-05-01-sy-homs-captagon').replace('status: draft', 'status: reviewd'));
      symlinkSync('../archive/2024', join(ds.dir, 'events', '2024'));
      const r = haulcheck(['check', '.', '-f', 'json'], { cwd: ds.dir, timeoutMs: LIMIT });
      const res = report(r.stdout, ds.dir);
      assert.ok(res.get('events/2026/2026-02-24-sy-homs-captagon.yaml')?.messages.some((m) => m.ruleId === 'schema/enum'), [...res.keys()].join(', '));
      assert.ok(res.get('events/2024/2024-05-01-sy-homs-captagon.yaml')?.messages.some((m) => m.ruleId === 'schema/enum'), [...res.keys()].join(', '));
      assert.ok(!res.has('events/2026/same.yaml'), 'a link to a checked file was checked again');
      const all = [...res.values()].flatMap((x) => x.messages);
      assert.ok(!all.some((m) => m.ruleId === 'events/duplicate-id'), JSON.stringify(all.filter((m) => m.ruleId === 'events/duplicate-id')));
    } finally {
      ds.cleanup();
    }
  });

  test('globs that leave the dataset (/**, ../**) are a config error and are never walked', () => {
    const ds = tempDataset();
    try {
      const config = join(ds.dir, 'haulcheck.yaml');
      writeFileSync(config, readFileSync(config, 'utf8').replace('  - events/**/*.yaml', '  - /**\n  - ../**/*.yaml\n  - events/**/*.yaml'));
      const r = haulcheck(['check', '.', '-f', 'json'], { cwd: ds.dir, timeoutMs: LIMIT });
      assert.equal(r.timedOut, false, 'the whole file system was walked');
      assert.ok(r.ms < 10_000, `${r.ms.toFixed(0)} ms`);
      assert.equal(r.code, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /symbolic link/);
      const res = report(r.stdout, ds.dir);
      const found = res.get('haulcheck.yaml')?.messages.filter((m) => m.ruleId === 'config/globs') ?? [];
      assert.deepEqual(
        found.map((m) => m.message),
        [
          'The glob "/**" leaves the dataset folder (it is an absolute path); globs are relative to the folder of haulcheck.yaml, so it is not used.',
          'The glob "../**/*.yaml" leaves the dataset folder (it goes up with ".."); globs are relative to the folder of haulcheck.yaml, so it is not used.',
        ],
      );
      assert.deepEqual([...res.keys()].filter((k) => k.startsWith('..') || k.startsWith('/')), []);
      assert.ok(res.has('events/2026/2026-02-22-sy-homs-captagon.yaml'), 'the glob inside the dataset was still used');
    } finally {
      ds.cleanup();
    }
  });

  test('an impossible date is a finding on the spot; an impossible --today or today: is a usage error', () => {
    const ds = tempDataset();
    try {
      writeFileSync(ds.event, VALID_EVENT.replace('announced: 2026-02-22', 'announced: 2025-02-29'));
      const r = haulcheck(['check', '.', '-f', 'json'], { cwd: ds.dir, timeoutMs: LIMIT });
      assert.equal(r.code, 1, r.stderr);
      const f = report(r.stdout, ds.dir).get('events/2026/2026-02-22-sy-homs-captagon.yaml')?.messages.find((m) => m.ruleId === 'dates/valid');
      assert.ok(f, r.stdout);
      assert.equal(f.message, '2025-02-29 is not a date: 2025 is not a leap year, so February 2025 has 28 days.');
      assert.equal(f.line, 11);
      const bad = haulcheck(['check', '.', '--today', '2025-02-30'], { cwd: ds.dir, timeoutMs: LIMIT });
      assert.equal(bad.code, 2, bad.stderr);
      assert.match(bad.stderr, /--today: 2025-02-30 is not a date: February 2025 has 28 days/);
      const config = join(ds.dir, 'haulcheck.yaml');
      writeFileSync(config, readFileSync(config, 'utf8').replace('today: 2026-03-01', 'today: 2026-02-30'));
      const cfg = haulcheck(['check', '.'], { cwd: ds.dir, timeoutMs: LIMIT });
      assert.equal(cfg.code, 2, cfg.stderr);
      assert.match(cfg.stderr, /haulcheck\.yaml: today: 2026-02-30 is not a date: February 2026 has 28 days/);
    } finally {
      ds.cleanup();
    }
  });
});
