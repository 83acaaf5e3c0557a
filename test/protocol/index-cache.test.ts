/**
 * The language server's start-up index and its facts cache: a restart reads again only the files
 * whose text changed; a cache from other code, or a broken one, is ignored.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type IndexMessage, indexDataset } from '../../server/src/lsp/indexing';
import { nodeIndexEnv } from '../../server/src/lsp/index-worker';
import { copySamples } from '../helpers/dataset';

async function run(root: string, cacheFile?: string, live: Record<string, string> = {}) {
  const messages: IndexMessage[] = [];
  const job = { root, live, cacheFile };
  await indexDataset(job, nodeIndexEnv(job), (m) => messages.push(m));
  const done = messages.find((m) => m.type === 'done');
  assert.ok(done && done.type === 'done', JSON.stringify(messages));
  assert.ok(messages.some((m) => m.type === 'begin'));
  return done;
}

test('a restart takes unchanged files from the facts cache and reads the changed ones', async () => {
  const ws = copySamples();
  try {
    const cacheFile = join(ws.dir, '..', `cache-${process.pid}`, 'index.json');
    const cold = await run(ws.dir, cacheFile);
    assert.ok(cold.parsed >= 10 && cold.cached === 0, `${cold.parsed} read, ${cold.cached} cached`);
    const warm = await run(ws.dir, cacheFile);
    assert.equal(warm.parsed, 0);
    assert.equal(warm.cached, cold.parsed);
    // The same facts (JSON keeps no `undefined` fields: read the same by every rule).
    assert.deepEqual(JSON.parse(JSON.stringify(warm.facts)), JSON.parse(JSON.stringify(cold.facts)));

    // One file changed on disk (its id): read again, the others from the cache.
    const [rel] = cold.facts[0];
    const file = join(ws.dir, rel);
    const text = readFileSync(file, 'utf8');
    const id = /^id: (\S+)/m.exec(text)![1];
    writeFileSync(file, text.replace(`id: ${id}`, `id: ${id}-x`));
    const changed = await run(ws.dir, cacheFile);
    assert.equal(changed.parsed, 1);
    assert.equal(changed.cached, cold.parsed - 1);
    assert.equal(changed.facts.find(([r]) => r === rel)![1][0].id, `${id}-x`);

    // Unsaved editor text wins over the file and over the cache.
    const live = await run(ws.dir, cacheFile, { [file]: text });
    assert.equal(live.facts.find(([r]) => r === rel)![1][0].id, id);

    // A cache written by other code (under another key), or broken, is ignored: everything is read again.
    // (The cache is the CLI's kind of file, node/cache.ts: one line of JSON here, no details.)
    const data = JSON.parse(readFileSync(cacheFile, 'utf8'));
    data.sections.index.key = 'another build';
    writeFileSync(cacheFile, JSON.stringify(data));
    assert.equal((await run(ws.dir, cacheFile)).cached, 0);
    writeFileSync(cacheFile, '{ not json');
    const broken = await run(ws.dir, cacheFile);
    assert.equal(broken.cached, 0);
    assert.equal(broken.parsed, cold.parsed);
    // Entries whose facts do not belong to their file are not used either.
    const saved = JSON.parse(readFileSync(cacheFile, 'utf8'));
    for (const e of Object.values(saved.sections.index.entries) as { facts: { file: string }[] }[]) for (const f of e.facts) f.file = 'elsewhere.yaml';
    writeFileSync(cacheFile, JSON.stringify(saved));
    assert.equal((await run(ws.dir, cacheFile)).cached, 0);
  } finally {
    ws.cleanup();
  }
});

test('without a cache file nothing is written and every file is read', async () => {
  const ws = copySamples();
  try {
    const a = await run(ws.dir);
    const b = await run(ws.dir);
    assert.equal(a.cached + b.cached, 0);
    assert.deepEqual(a.facts, b.facts);
  } finally {
    ws.cleanup();
  }
});
