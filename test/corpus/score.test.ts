/**
 * The checks on real reports: the corpus dataset (test/corpus/dataset) scored against its
 * expectations (test/corpus/expected.yaml). Recall and precision may not fall below what has been
 * reached (test/corpus/reached.json); raise those figures when a change improves them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { copySamples } from '../helpers/dataset';
import { join } from 'node:path';
import { formatScore, scoreCorpus } from '../../scripts/corpus/score';

const reached = JSON.parse(readFileSync(join(__dirname, 'reached.json'), 'utf8')) as {
  recall: number;
  precision: number;
  /** The first held-out corpus (test/holdout): measured blind once, since fixed for what it showed. */
  holdout: { recall: number; precision: number };
  /** The second held-out corpus (test/holdout2): measured blind once (0.909, 0.55), since fixed for what it showed. */
  holdout2: { recall: number; precision: number };
  /** The third held-out corpus (test/holdout3): measured blind once (1, 0.167; 1, 0.2 with a recording mistake put right), since fixed for what it showed. */
  holdout3: { recall: number; precision: number };
};

test('on the corpus of real reports, recall and precision stay at what has been reached', async () => {
  const score = await scoreCorpus();
  const report = formatScore(score);
  assert.ok(score.events === 52, `52 events scored, not ${score.events}`);
  assert.ok(score.total.expected > 20, 'the expectations hold the problems to find');
  assert.ok(score.recall >= reached.recall, `recall ${score.recall} < ${reached.recall}\n${report}`);
  assert.ok(score.precision >= reached.precision, `precision ${score.precision} < ${reached.precision}\n${report}`);
});

/** A one-event dataset in a temporary folder: the samples' config and registries, `event` as its only event. */
function miniCorpus(event: string, expected: string): { dir: string; cleanup: () => void } {
  const { dir, cleanup } = copySamples();
  rmSync(join(dir, 'events'), { recursive: true, force: true });
  mkdirSync(join(dir, 'events', '2021'), { recursive: true });
  writeFileSync(join(dir, 'events', '2021', '2021-04-sa-jeddah-captagon.yaml'), event);
  const keys: Record<string, { file: string; source: string }> = {};
  const reports: string[] = [];
  for (const id of ['a', 'b', 'c', 'd']) {
    keys[`k--${id}`] = { file: 'events/2021/2021-04-sa-jeddah-captagon.yaml', source: id };
    reports.push(JSON.stringify({ key: `k--${id}`, event_group: 'SA-test' }));
  }
  writeFileSync(join(dir, 'keys.json'), JSON.stringify(keys));
  writeFileSync(join(dir, 'reports.jsonl'), reports.join('\n') + '\n');
  writeFileSync(join(dir, 'expected.yaml'), expected);
  return { dir, cleanup };
}

const EVENT = (counts: string[]) => `id: 2021-04-sa-jeddah-captagon
status: draft
type: seizure
title: Captagon in pomegranates
date: {on: 2021-04, precision: month, source: a}
location: {country: SA, precision: country}
seizures:
  - drug: captagon
    count:
${counts.map((c) => `      - ${c}`).join('\n')}
sources:
${['a', 'b', 'c', 'd'].map((id) => `  - {id: ${id}, publisher: ${id}, published: 2021-04-24, published_note: x, language: en, quotes: ["5,383,400 pills; more than 7.8 million; 2,000,000"]}`).join('\n')}
`;

test('on the first held-out corpus (fixed since for what it showed), recall and precision stay at what has been reached', async () => {
  const dir = join(__dirname, '..', 'holdout');
  const score = await scoreCorpus({ dataset: join(dir, 'dataset'), expected: join(dir, 'expected.yaml'), reports: join(dir, 'source', 'reports.jsonl') });
  const report = formatScore(score);
  assert.ok(score.recall >= reached.holdout.recall, `recall ${score.recall} < ${reached.holdout.recall}\n${report}`);
  assert.ok(score.precision >= reached.holdout.precision, `precision ${score.precision} < ${reached.holdout.precision}\n${report}`);
});

test('on the second held-out corpus (fixed since for what it showed), recall and precision stay at what has been reached', async () => {
  const dir = join(__dirname, '..', 'holdout2');
  const score = await scoreCorpus({ dataset: join(dir, 'dataset'), expected: join(dir, 'expected.yaml'), reports: join(dir, 'source', 'reports.jsonl') });
  const report = formatScore(score);
  assert.ok(score.events === 19, `19 events scored, not ${score.events}`);
  assert.ok(score.recall >= reached.holdout2.recall, `recall ${score.recall} < ${reached.holdout2.recall}\n${report}`);
  assert.ok(score.precision >= reached.holdout2.precision, `precision ${score.precision} < ${reached.holdout2.precision}\n${report}`);
});

test('on the third held-out corpus (fixed since for what it showed), recall and precision stay at what has been reached', async () => {
  const dir = join(__dirname, '..', 'holdout3');
  const score = await scoreCorpus({ dataset: join(dir, 'dataset'), expected: join(dir, 'expected.yaml'), reports: join(dir, 'source', 'reports.jsonl') });
  const report = formatScore(score);
  assert.ok(score.events === 18, `18 events scored, not ${score.events}`);
  assert.ok(score.recall >= reached.holdout3.recall, `recall ${score.recall} < ${reached.holdout3.recall}\n${report}`);
  assert.ok(score.precision >= reached.holdout3.precision, `precision ${score.precision} < ${reached.holdout3.precision}\n${report}`);
});

test('the scorer: recall over the flags that are not optional, a miss listed by its id, the outlier finding an expected problem', async () => {
  const expected = `- event: SA-test
  flag:
    - {id: aggregate, rules: [figures/source-conflict], sources: [k--d], names: ["7,800,000"]}
    - {id: missing, rules: [dates/source-conflict], names: [never]}
  silent:
    - {rules: [figures/tablet-mass]}
`;
  const { dir, cleanup } = miniCorpus(
    EVENT([
      '{value: 5383400, unit: tablets, source: a}',
      '{value: 5383400, unit: tablets, source: b}',
      '{value: 5383400, unit: tablets, source: c}',
      '{value: 7800000, unit: tablets, qualifier: more_than, source: d}',
    ]),
    expected,
  );
  try {
    const s = await scoreCorpus({ dataset: dir, expected: join(dir, 'expected.yaml'), reports: join(dir, 'reports.jsonl') });
    assert.equal(s.total.expected, 2);
    assert.equal(s.total.found, 1);
    assert.deepEqual(s.misses.map((m) => m.id), ['missing']);
    assert.equal(s.recall, 0.5);
    assert.deepEqual(s.falseAlarms, [], formatScore(s));
    assert.equal(s.precision, 1);
  } finally {
    cleanup();
  }
});

test('the scorer: a finding that matches no expectation is one false alarm per slot', async () => {
  const { dir, cleanup } = miniCorpus(
    EVENT([
      '{value: 5383400, unit: tablets, source: a}',
      '{value: 5383400, unit: tablets, source: b}',
      '{value: 2000000, unit: tablets, source: c}',
      '{value: 2000000, unit: tablets, source: d}',
    ]),
    '- event: SA-test\n  flag: []\n  silent:\n    - {rules: [figures/source-conflict], names: ["2,000,000"]}\n',
  );
  try {
    const s = await scoreCorpus({ dataset: dir, expected: join(dir, 'expected.yaml'), reports: join(dir, 'reports.jsonl') });
    assert.equal(s.recall, 1, 'nothing expected: nothing missed');
    assert.ok(s.falseAlarms.length >= 1 && s.falseAlarms.every((a) => a.ruleId === 'figures/source-conflict'), formatScore(s));
    assert.match(s.falseAlarms[0].reason, /must stay silent/);
    assert.equal(s.total.problems, 1, 'two sides against two: one problem');
    assert.equal(s.precision, 0);
  } finally {
    cleanup();
  }
});
