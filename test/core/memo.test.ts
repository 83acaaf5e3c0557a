import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextMemo, deepFreeze } from '../../server/src/core/base/memo';
import { readNumbers } from '../../server/src/core/read/numbers';
import { readDateWords, weekdaysIn } from '../../server/src/core/read/date-words';
import { claimViews } from '../../server/src/core/rules/dates/shared';
import { resolveConfig, settingFor } from '../../server/src/core/model/config';

test('TextMemo: computes once per key, undefined included', () => {
  const memo = new TextMemo<number | undefined>();
  let calls = 0;
  const compute = (k: string) => {
    calls++;
    return k === 'none' ? undefined : k.length;
  };
  assert.equal(memo.get('abc', compute), 3);
  assert.equal(memo.get('abc', compute), 3);
  assert.equal(memo.get('none', compute), undefined);
  assert.equal(memo.get('none', compute), undefined);
  assert.equal(calls, 2);
  assert.equal(memo.size, 2);
});

test('TextMemo: keeps about `capacity` recent entries; a used entry survives', () => {
  const memo = new TextMemo<string>(4);
  const computed: string[] = [];
  const get = (k: string) =>
    memo.get(k, (x) => {
      computed.push(x);
      return x.toUpperCase();
    });
  for (const k of ['a', 'b', 'c', 'd']) get(k);
  get('a'); // used again: kept when the others age out
  for (const k of ['e', 'f', 'g']) get(k);
  assert.ok(memo.size <= 4, `size ${memo.size}`);
  computed.length = 0;
  assert.equal(get('a'), 'A');
  assert.deepEqual(computed, [], 'a was kept');
  assert.equal(get('b'), 'B');
  assert.deepEqual(computed, ['b'], 'b was dropped and computed again');
});

test('TextMemo: long keys are computed every time, not kept', () => {
  const memo = new TextMemo<number>(16, 10);
  let calls = 0;
  const long = 'x'.repeat(11);
  memo.get(long, () => ++calls);
  memo.get(long, () => ++calls);
  assert.equal(calls, 2);
  assert.equal(memo.size, 0);
});

test('deepFreeze freezes nested objects and arrays', () => {
  const v = deepFreeze({ a: [{ b: 1 }], c: { d: 'x' } });
  assert.ok(Object.isFrozen(v) && Object.isFrozen(v.a) && Object.isFrozen(v.a[0]) && Object.isFrozen(v.c));
  assert.throws(() => {
    (v.a as unknown as number[]).push(2);
  }, TypeError);
});

test('readNumbers: a memoised result equals a fresh reading and cannot be changed by a caller', () => {
  const text = 'police seized 1.600 kg and two hundred and fifty pills';
  const first = readNumbers(text, 'de');
  const again = readNumbers(text, 'de');
  assert.equal(again, first, 'the same list is shared');
  assert.ok(Object.isFrozen(first) && first.every((r) => Object.isFrozen(r)));
  assert.throws(() => {
    (first[0] as { value: number }).value = 7;
  }, TypeError);
  assert.throws(() => {
    (first as unknown[]).pop();
  }, TypeError);
  assert.deepEqual(
    first.map((r) => [r.value, r.unit ?? null, r.text]),
    [
      [1600, 'kg', '1.600 kg'],
      [250, null, 'two hundred and fifty'],
    ],
  );
  // The language is part of the key: "1.600" is 1,600 in German, 1.6 in English, either in Arabic.
  assert.deepEqual(
    readNumbers('1.600', 'de').map((r) => r.value),
    [1600],
  );
  assert.deepEqual(
    readNumbers('1.600', 'ar').map((r) => r.value),
    [1600, 1.6],
  );
  assert.deepEqual(
    readNumbers('1.600', 'en').map((r) => r.value),
    [1.6],
  );
  assert.deepEqual(readNumbers('1.600', 'de-CH'), readNumbers('1.600', 'de'));
  assert.deepEqual(
    readNumbers('1.600').map((r) => r.value),
    [1.6, 1600],
  );
});

test('readDateWords and weekdaysIn: memoised results are frozen and stay correct', () => {
  const r = readDateWords('On Wednesday, March 12 2025')!;
  assert.equal(readDateWords('On Wednesday, March 12 2025'), r);
  assert.ok(Object.isFrozen(r) && Object.isFrozen(r.weekday));
  assert.throws(() => {
    (r as { day?: number }).day = 1;
  }, TypeError);
  assert.deepEqual({ level: r.level, label: r.label, day: r.day, weekday: r.weekday?.weekday }, { level: 'day', label: '12 March 2025', day: 12, weekday: 3 });

  const w = weekdaysIn('يوم الثلاثاء الماضي');
  assert.ok(Object.isFrozen(w) && w.every((m) => Object.isFrozen(m)));
  assert.deepEqual(
    weekdaysIn('يوم الثلاثاء الماضي').map((m) => [m.weekday, m.last, m.text]),
    [[2, true, 'يوم الثلاثاء الماضي']],
  );
  // Words read by readDateWords first give the same weekdays as when weekdaysIn reads them first.
  assert.deepEqual(readDateWords('said on Friday')?.weekday, weekdaysIn('said on Friday')[0]);
  assert.equal(readDateWords('the raid last Sunday')?.weekday, weekdaysIn('the raid last Sunday')[0]);
  // English words without Arabic letters, Arabic words without English ones.
  assert.deepEqual(weekdaysIn('on Thursday').map((m) => m.weekday), [4]);
  assert.deepEqual(weekdaysIn('والخميس').map((m) => m.weekday), [4]);
});

test('claimViews: one frozen list per event value, equal to that of an equal value', () => {
  const event = () => ({
    date: [{ on: '2025-03', precision: 'month', as_reported: 'In mid-March', source: 'a' }],
    sources: [{ id: 'a', published: '2025-03-25', quotes: ['x'] }],
  });
  const e = event();
  const views = claimViews(e);
  assert.equal(claimViews(e), views);
  assert.ok(Object.isFrozen(views) && Object.isFrozen(views[0]) && Object.isFrozen(views[0].days) && Object.isFrozen(views[0].claim));
  assert.deepEqual(views[0].days, { start: '2025-03-11', end: '2025-03-20' });
  assert.equal(views[0].narrowed, true);
  assert.deepEqual(claimViews(event()), views);
  assert.notEqual(claimViews(event()), views);
  assert.deepEqual(claimViews(undefined), []);
  assert.deepEqual(claimViews('text'), []);
});

test('settingFor: exact id, then family, then the id up to its first slash', () => {
  const config = resolveConfig({ rules: { dates: 'info', 'dates/order': 'off', figures: 'warning', plain: 'error' } });
  assert.equal(settingFor(config, 'dates/order')?.severity, 'off');
  assert.equal(settingFor(config, 'dates/weekday')?.severity, 'info');
  assert.equal(settingFor(config, 'schema/enum', 'figures')?.severity, 'warning');
  assert.equal(settingFor(config, 'figures/a/b')?.severity, 'warning');
  assert.equal(settingFor(config, 'plain')?.severity, 'error');
  assert.equal(settingFor(config, 'other/x'), undefined);
});
