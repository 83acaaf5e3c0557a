/**
 * `haulcheck check samples` reports the real disagreements of the articles, on their exact lines,
 * and nothing else: the 1.35-million-pill raid weighed at about 215 kg and about 2,015 kg, the
 * 1.1-tonne lorry dated "In February" and "In mid-March", and every source without a date.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { main, type Io } from '../../server/src/cli/main';
import { SAMPLES } from '../helpers/dataset';

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severity: string; message: string; line: number; column: number }[];
}

async function checkSamples(): Promise<{ code: number; findings: string[]; results: JsonResult[] }> {
  let out = '';
  const io: Io = { cwd: SAMPLES, stdout: (s) => (out += s), stderr: () => {}, isTTY: false, env: {} };
  const code = await main(['check', SAMPLES, '--format', 'json'], io);
  const results = JSON.parse(out) as JsonResult[];
  const findings = results.flatMap((r) =>
    r.messages.map((m) => `${r.filePath.slice(SAMPLES.length + 1)}:${m.line}:${m.column} ${m.severity} ${m.ruleId}`),
  );
  return { code, findings: findings.sort(), results };
}

test('the samples: exactly the real disagreements and the checks that cannot run', async () => {
  const { code, findings, results } = await checkSamples();
  assert.equal(code, 1, 'the samples hold real errors: exit 1');
  const expected = [
    'events/2025/2025-02-iq-lorry-captagon.yaml:20:9 error dates/source-conflict',
    'events/2025/2025-02-iq-lorry-captagon.yaml:46:16 info sources/missing-published',
    'events/2025/2025-02-iq-lorry-captagon.yaml:58:16 info sources/missing-published',
    'events/2025/2025-04-iq-euphrates-captagon.yaml:38:16 info sources/missing-published',
    'events/2025/2025-08-lb-bekaa-captagon.yaml:36:16 info sources/missing-published',
    'events/2025/2025-jo-northern-border-drugs.yaml:36:16 info sources/missing-published',
    'events/2025/2025-sy-al-rai-cannabis.yaml:37:16 info sources/missing-published',
    'events/2025/2025-sy-damascus-captagon.yaml:47:17 error figures/source-conflict',
    'events/2025/2025-sy-damascus-captagon.yaml:47:17 error figures/tablet-mass',
    'events/2025/2025-sy-damascus-captagon.yaml:54:16 info sources/missing-published',
    'events/2025/2025-sy-damascus-captagon.yaml:70:16 info sources/missing-published',
    'events/2025/2025-sy-damascus-muhajireen-drugs.yaml:40:16 info sources/missing-published',
    'events/2025/2025-sy-latakia-narcotic-pills.yaml:48:16 info sources/missing-published',
    'events/2025/2025-sy-rural-damascus-captagon.yaml:38:16 info sources/missing-published',
  ].sort();
  assert.deepEqual(findings, expected);
  const msg = (rule: string) =>
    results.flatMap((r) => r.messages).find((m) => m.ruleId === rule)?.message ?? '';
  assert.match(msg('figures/tablet-mass'), /1,350,000 tablets in about 2,015 kg is at most 1\.49 g a tablet; Captagon tablets weigh 120–220 mg/);
  assert.match(msg('figures/source-conflict'), /about 2,015 kg \(asharq\) cannot be true if about 215 kg \(thenational\) is, and only about 215 kg gives Captagon tablets a plausible mass \(159 mg a tablet/);
  assert.match(msg('dates/source-conflict'), /In mid-March.*In February|In February.*In mid-March/);
});

test('a dataset of correct events produces no finding at all', async () => {
  const { dir, cleanup } = (await import('../helpers/dataset')).copySamples();
  try {
    const { readdirSync, rmSync } = await import('node:fs');
    // Keep only the events whose sources agree and carry dates: those must be silent.
    const keep = new Set(['2026-02-22-sy-homs-captagon.yaml', '2026-02-10-sy-ins-network-captagon.yaml', '2026-01-15-sy-homs-rural-damascus-captagon.yaml']);
    for (const year of readdirSync(join(dir, 'events'))) {
      for (const f of readdirSync(join(dir, 'events', year))) if (!keep.has(f)) rmSync(join(dir, 'events', year, f));
    }
    let out = '';
    const io: Io = { cwd: dir, stdout: (s) => (out += s), stderr: () => {}, isTTY: false, env: {} };
    const code = await main(['check', '--format', 'json'], io);
    const messages = (JSON.parse(out) as JsonResult[]).flatMap((r) => r.messages.map((m) => `${r.filePath}: ${m.ruleId} ${m.message}`));
    assert.deepEqual(messages, []);
    assert.equal(code, 0);
  } finally {
    cleanup();
  }
});
