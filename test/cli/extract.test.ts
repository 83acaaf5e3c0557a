/** `haulcheck extract` end to end in-process: input, options, formats, exit codes, and --into. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli';
import { copySamples } from '../helpers/dataset';

const EXCERPT = join(__dirname, '..', 'fixtures', 'extract', 'thenational-damascus.txt');
const ARTICLE = readFileSync(EXCERPT, 'utf8');

test('extract: usage errors exit 2 and say what is wrong', async () => {
  const cases: [string[], RegExp][] = [
    [['extract', EXCERPT], /needs --published YYYY-MM-DD \(or --published none/],
    [['extract', EXCERPT, '--published', '2025-02-30'], /--published must be a date YYYY-MM-DD or none, not "2025-02-30"/],
    [['extract', EXCERPT, '--published', '2025-07-30', '--format', 'xml'], /--format takes yaml or json/],
    [['extract', EXCERPT, '--published', '2025-07-30', '--url', 'not an address'], /--url takes an address/],
    [['extract', EXCERPT, '--published', '2025-07-30', '--language', 'english!'], /--language takes a language tag/],
    [['extract', 'no-such-article.txt', '--published', '2025-07-30'], /Cannot read the article no-such-article.txt: ENOENT: no such file/],
    [['extract', EXCERPT, 'second.txt', '--published', '2025-07-30'], /extract reads one article, not 2/],
    [['extract', EXCERPT, '--published', '2025-07-30', '--into', 'x.yaml', '--format', 'json'], /--into writes the event file; it takes no --format/],
    [['extract', '--published', '2025-07-30'], /give the article as a FILE, or on standard input with -/],
  ];
  for (const [args, message] of cases) {
    const r = await runCli(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message, args.join(' '));
  }
  const help = await runCli(['extract', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: haulcheck extract \[FILE\|-\] --published YYYY-MM-DD/);
  assert.match((await runCli(['--help'])).stdout, /haulcheck extract \[FILE\|-\] --published YYYY-MM-DD/);
});

test('extract: the article on standard input; YAML by default, the event object with --format json', async () => {
  const { dir, cleanup } = copySamples();
  try {
    const yaml = await runCli(['extract', '-', '--published', '2025-07-30', '--publisher', 'The National', '--url', 'https://www.thenationalnews.com/news/mena/2025/07/30/iraqi-forces-seize-captagon-in-damascus-drug-raid'], dir, {}, ARTICLE);
    assert.equal(yaml.code, 0, yaml.stderr);
    assert.match(yaml.stderr, /a draft of 1 seizure with \d+ values, each from a quoted sentence; \d+ points? to review/);
    const json = await runCli(['extract', '-', '--published', '2025-07-30', '--publisher', 'The National', '--url', 'https://www.thenationalnews.com/news/mena/2025/07/30/iraqi-forces-seize-captagon-in-damascus-drug-raid', '--format', 'json'], dir, {}, ARTICLE);
    assert.equal(json.code, 0);
    const event = JSON.parse(json.stdout) as Record<string, unknown>;
    assert.deepEqual(parse(yaml.stdout), event, 'the YAML is the same event');
    const source = (event.sources as Record<string, unknown>[])[0];
    assert.equal(source.url, 'https://www.thenationalnews.com/news/mena/2025/07/30/iraqi-forces-seize-captagon-in-damascus-drug-raid');
    assert.equal(source.language, 'en', 'told from the text');
    assert.doesNotMatch(yaml.stderr, /no dataset here/, 'the sample dataset’s registries are read');
  } finally {
    cleanup();
  }
});

test('extract: outside a dataset the registries of haulcheck init are read, and it says so', async () => {
  const r = await runCli(['extract', EXCERPT, '--published', '2025-07-30'], '/');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /no dataset here; drugs and agencies are read with the registries haulcheck init writes/);
  assert.match(r.stdout, /drug: captagon/);
  assert.match(r.stdout, /publisher: "TODO: the outlet"/, 'no publisher given: a placeholder the check fails on');
});

test('extract: --published none keeps weekdays as words; an unread language gives an empty draft and says so', async () => {
  const none = await runCli(['extract', EXCERPT, '--published', 'none', '--publisher', 'The National'], '/');
  assert.equal(none.code, 0);
  const event = parse(none.stdout) as Record<string, unknown>;
  assert.deepEqual(event.date, { as_reported: 'said on Wednesday', refers_to: 'announcement', source: 'thenational' });
  const source = (event.sources as Record<string, unknown>[])[0];
  assert.equal(source.published, null);
  assert.equal(source.published_note, 'The article shows no publication date.');
  const dutch = await runCli(['extract', '-', '--published', '2024-01-10'], '/', {}, 'De douane heeft in de haven van Rotterdam 2.000 kilo cocaïne in beslag genomen, meldde de politie woensdag.');
  assert.equal(dutch.code, 0);
  assert.match(dutch.stderr, /a language the readers do not read \(nl\); the draft is empty/);
  assert.deepEqual((parse(dutch.stdout) as Record<string, unknown>).seizures, []);
});

test('extract --into: adds the article as a source of an event (its comments kept), then the rules show the disagreement', async () => {
  const { dir, cleanup } = copySamples();
  try {
    const file = join(dir, 'events', '2025', '2025-sy-damascus-captagon.yaml');
    // The event as built from Asharq Al-Awsat alone, with a comment of its own.
    let text = readFileSync(file, 'utf8');
    text = text
      .replace(/ {2}- id: thenational[\s\S]*?(?= {2}- id: asharq)/, '')
      .replace(/ {6}- \{value: 1350000[^\n]*thenational\}\n/, '')
      .replace(/ {6}- value: 215\n[\s\S]*?source: thenational\n/, '')
      .replace(/date:\n {2}on: "2025"\n[\s\S]*?source: thenational\n/, 'date: null # Asharq does not date the raid\n');
    writeFileSync(file, text);
    const before = text.split('\n');
    const r = await runCli(['extract', EXCERPT, '--published', '2025-07-30', '--publisher', 'The National', '--url', 'https://www.thenationalnews.com/a', '--into', file], dir);
    assert.equal(r.code, 1, 'the two sources disagree: errors');
    assert.match(r.stderr, /added to events\/2025\/2025-sy-damascus-captagon\.yaml: the count of the seizure of captagon, the weight of the seizure of captagon, a date claim, the source thenational/);
    assert.match(r.stdout, /figures\/tablet-mass/);
    assert.match(r.stdout, /figures\/source-conflict/);
    const after = readFileSync(file, 'utf8');
    // Every line of the file as it was is still there, in order: lines were only added (the date's null became a claim).
    const afterLines = after.split('\n');
    let at = 0;
    for (const line of before.filter((l) => !/^date: null/.test(l))) {
      const found = afterLines.indexOf(line, at);
      assert.ok(found >= 0, `kept in order: ${JSON.stringify(line)}`);
      at = found + 1;
    }
    assert.match(after, /# Asharq does not date the raid/, 'the comment is kept');
    const event = parse(after) as Record<string, unknown>;
    const sources = (event.sources as Record<string, unknown>[]).map((s) => s.id);
    assert.deepEqual(sources, ['asharq', 'thenational']);
    const weights = ((event.seizures as Record<string, unknown>[])[0].weight as Record<string, unknown>[]).map((w) => `${String(w.value)} ${String(w.source)}`);
    assert.deepEqual(weights, ['2015 asharq', '215 thenational']);
    // The same address again: refused, the file left as it is.
    const again = await runCli(['extract', EXCERPT, '--published', '2025-07-30', '--publisher', 'The National', '--url', 'https://www.thenationalnews.com/a', '--into', file], dir);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already has a source with the address https:\/\/www\.thenationalnews\.com\/a/);
    assert.equal(readFileSync(file, 'utf8'), after);
  } finally {
    cleanup();
  }
});

test('extract --into writes as --fix does: a file that is not UTF-8 or is read-only is left byte for byte, and its mode stays', async () => {
  const { dir, cleanup } = copySamples();
  try {
    const file = join(dir, 'events', '2025', '2025-sy-damascus-captagon.yaml');
    const original = readFileSync(file);
    const args = (f: string) => ['extract', EXCERPT, '--published', '2025-07-30', '--publisher', 'Another Paper', '--url', 'https://example.org/another', '--into', f];
    // A Latin-1 byte in a comment: rewriting would replace it.
    const latin1 = Buffer.concat([original, Buffer.from('# caf\xe9\n', 'latin1')]);
    writeFileSync(file, latin1);
    const bad = await runCli(args(file), dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /is not valid UTF-8 \(byte 0xE9 on line \d+, column 6\)/);
    assert.ok(readFileSync(file).equals(latin1), 'left byte for byte');
    // Read-only: refused, as --fix refuses it without --fix-read-only.
    writeFileSync(file, original);
    chmodSync(file, 0o444);
    const ro = await runCli(args(file), dir);
    if (process.getuid?.() !== 0) {
      assert.equal(ro.code, 2);
      assert.match(ro.stderr, /is read-only \(mode 0444\)/);
      assert.ok(readFileSync(file).equals(original));
    } else {
      // root may write anything: the mode is kept all the same
      assert.match(ro.stderr, /is read-only \(mode 0444\)/);
    }
    chmodSync(file, 0o640);
    const ok = await runCli(args(file), dir);
    assert.ok(ok.code === 0 || ok.code === 1, ok.stderr);
    assert.match(ok.stderr, /added to events\/2025\/2025-sy-damascus-captagon\.yaml/);
    assert.equal(statSync(file).mode & 0o777, 0o640, 'the mode is kept');
    assert.match(readFileSync(file, 'utf8'), /https:\/\/example\.org\/another/);
  } finally {
    cleanup();
  }
});
