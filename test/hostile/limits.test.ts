/**
 * The limits of what is read (docs/robustness.md): each answered by a finding on the spot, the rest
 * of the file or dataset still checked, in bounded time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_DOCUMENTS, MAX_ENTRIES, MAX_LINE_LENGTH } from '../../server/src/core/yaml/parse';
import { checkLimited, parseFile } from '../../server/src/core';
import { eventText } from '../growth/inputs';
import { runCli as run } from '../helpers/cli';
import { SAMPLES } from '../helpers/dataset';

const GOOD = '2026-02-20-sy-homs-captagon';
/** Another event (its own id and article) with the same known finding, as the document after a hostile one. */
const NEXT = eventText({ id: '2026-02-10-sy-homs-captagon', day: 10, tablets: 900000, kg: 150, url: 'https://example.org/next' }).replace('status: draft', 'status: bogus');

/** A dataset with one good event (with one known finding: a status the schema does not allow) and the given hostile file. */
function dataset(name: string, text: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'haulcheck-limits-'));
  writeFileSync(join(dir, 'haulcheck.yaml'), readFileSync(join(SAMPLES, 'haulcheck.yaml')));
  mkdirSync(join(dir, 'registries'));
  for (const f of ['drugs.yaml', 'agencies.yaml']) writeFileSync(join(dir, 'registries', f), readFileSync(join(SAMPLES, 'registries', f)));
  mkdirSync(join(dir, 'events', '2026'), { recursive: true });
  writeFileSync(join(dir, 'events', '2026', `${GOOD}.yaml`), eventText({ id: GOOD }).replace('status: draft', 'status: bogus'));
  writeFileSync(join(dir, 'events', '2026', name), text);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

interface JsonFile {
  filePath: string;
  messages: { ruleId: string; message: string; line: number; column: number }[];
}

/** Checks the dataset with the CLI within `seconds` of processor time; the findings by file name. */
async function check(dir: string, seconds: number): Promise<Map<string, JsonFile['messages']>> {
  const t0 = process.cpuUsage();
  const r = await run(['check', '-f', 'json'], dir);
  const used = process.cpuUsage(t0);
  const ms = (used.user + used.system) / 1000;
  assert.ok(ms < seconds * 1000, `${ms.toFixed(0)} ms`);
  assert.equal(r.code, 1, r.stderr);
  return new Map((JSON.parse(r.stdout) as JsonFile[]).map((f) => [f.filePath.split('/').pop()!, f.messages]));
}

/** The good event still gets its finding: the rest of the dataset is checked. */
function goodChecked(files: Map<string, JsonFile['messages']>): void {
  assert.deepEqual(
    files.get(`${GOOD}.yaml`)!.map((m) => m.ruleId),
    ['schema/enum'],
  );
}

test(`a stream of more than ${MAX_DOCUMENTS.toLocaleString('en')} documents: the rest is not read, said where it starts`, async () => {
  const ws = dataset('stream.yaml', '---\n'.repeat(MAX_DOCUMENTS + 3));
  try {
    const files = await check(ws.dir, 20);
    goodChecked(files);
    const limit = files.get('stream.yaml')!.find((m) => m.message.startsWith('The stream holds more than'))!;
    assert.equal(limit.ruleId, 'yaml/syntax');
    assert.equal(limit.line, MAX_DOCUMENTS + 1);
    assert.match(limit.message, /the 3 from here on are not read/);
  } finally {
    ws.cleanup();
  }
});

test(`a mapping of more than ${MAX_ENTRIES.toLocaleString('en')} keys: its document is not checked, the others are`, async () => {
  const keys = Array.from({ length: MAX_ENTRIES + 5 }, (_, i) => `k${i}: 1`).join('\n');
  const ws = dataset('keys.yaml', `id: x\n${keys}\n---\n${NEXT}`);
  try {
    const files = await check(ws.dir, 20);
    goodChecked(files);
    const found = files.get('keys.yaml')!;
    const limit = found.find((m) => m.message.includes('entries; collections of more than'))!;
    assert.equal(limit.line, MAX_ENTRIES + 1, 'on the key past the limit');
    assert.ok(!found.some((m) => m.ruleId === 'schema/additionalProperties'), 'nothing else in that document');
    assert.ok(found.some((m) => m.ruleId === 'schema/enum' && m.line > MAX_ENTRIES), 'the next document is checked');
  } finally {
    ws.cleanup();
  }
});

test(`a line over ${MAX_LINE_LENGTH.toLocaleString('en')} characters: its document is not read, the others are`, async () => {
  const line = `route: {origin: SY, transit: [${'SY, '.repeat(MAX_LINE_LENGTH / 4)}SY], destination: null}`;
  const ws = dataset('line.yaml', `${eventText({ id: 'x' }).replace(/route: .*/, line)}---\n${NEXT}`);
  try {
    const files = await check(ws.dir, 10);
    goodChecked(files);
    const found = files.get('line.yaml')!;
    const limit = found.find((m) => m.message.startsWith('This line is'))!;
    assert.equal(limit.line, 18, 'the line of route');
    assert.ok(found.some((m) => m.ruleId === 'schema/enum'), 'the next document is checked');
  } finally {
    ws.cleanup();
  }
});

test('a finding that part of a file was not read is never left out by the report limits', () => {
  const keys = Array.from({ length: 300 }, (_, i) => `k${i}: 1`).join('\n');
  const text = `${keys}\n---\nz: [${'1,'.repeat(MAX_LINE_LENGTH / 2)}1]\n`;
  const r = checkLimited(parseFile(text), 'event', {}, { perFile: 10, perRule: 10 });
  assert.equal(r.findings.length, 11, 'ten, and the one that part was not read');
  assert.ok(r.findings.some((f) => f.message.startsWith('This line is')));
  assert.ok(r.omitted && r.omitted.total > 0);
});
