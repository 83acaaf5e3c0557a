/**
 * Nothing is trusted: the extension runs in untrusted workspaces because nothing from the workspace is
 * executed; schemas and registries are read only from the dataset (and the extension); the CLI does
 * not follow symbolic links out of the dataset, and writes nothing outside it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset } from '../../server/src/node/dataset';

const ROOT = join(__dirname, '..', '..');
const SAMPLES = join(ROOT, 'samples');
const BIN = join(ROOT, 'bin', 'haulcheck.js');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  capabilities?: { untrustedWorkspaces?: { supported?: boolean | string; description?: string; restrictedConfigurations?: string[] } };
  contributes?: { configuration?: { properties?: Record<string, { type?: string | string[]; enum?: unknown[]; format?: string }> } };
};

describe('the manifest', () => {
  test('declares support for untrusted workspaces, and says why', () => {
    const u = manifest.capabilities?.untrustedWorkspaces;
    assert.ok(u, 'capabilities.untrustedWorkspaces is missing');
    assert.ok(u.supported === true || u.supported === 'limited', `supported: ${String(u.supported)}`);
    assert.match(u.description ?? '', /never executes/);
  });

  test('no contributed setting can point to an executable (or to any path or command)', () => {
    const props = manifest.contributes?.configuration?.properties ?? {};
    assert.ok(Object.keys(props).length > 0);
    for (const [key, p] of Object.entries(props)) {
      assert.doesNotMatch(key, /path|command|exec|program|binary|runtime|node|shell|script|server(Path|Command)/i, key);
      const types = Array.isArray(p.type) ? p.type : [p.type];
      // A free-form string could name a program; every string setting is a closed list.
      if (types.includes('string')) assert.ok(Array.isArray(p.enum) && p.enum.length > 0, `${key} is a free-form string`);
      assert.notEqual(p.format, 'path', key);
    }
  });
});

describe('registries are read only from inside the dataset', () => {
  let dir: string;
  let dataset: string;
  let outside: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'haulcheck-trust-'));
    dataset = join(dir, 'data', 'set');
    outside = join(dir, 'outside');
    mkdirSync(join(dataset, 'registries'), { recursive: true });
    mkdirSync(outside);
    // Perfectly good registries, but outside the dataset.
    cpSync(join(SAMPLES, 'registries', 'drugs.yaml'), join(outside, 'drugs.yaml'));
    cpSync(join(SAMPLES, 'registries', 'agencies.yaml'), join(outside, 'agencies.yaml'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const config = (drugs: string, agencies: string) =>
    writeFileSync(join(dataset, 'haulcheck.yaml'), `version: 1\nevents: [events/**/*.yaml]\nregistries: {drugs: ${JSON.stringify(drugs)}, agencies: ${JSON.stringify(agencies)}}\n`);

  test('inside: read (the control case)', async () => {
    cpSync(join(SAMPLES, 'registries', 'drugs.yaml'), join(dataset, 'registries', 'inside-drugs.yaml'));
    config('registries/inside-drugs.yaml', 'registries/none.yaml');
    const ds = await loadDataset(dataset);
    assert.ok((ds.context.registries?.drugs.size ?? 0) > 0);
  });

  test('../../outside/drugs.yaml, ../../../../etc/passwd and an absolute path: not read', async () => {
    for (const [drugs, agencies] of [
      ['../../outside/drugs.yaml', join(outside, 'agencies.yaml')],
      ['../../../../../../../../etc/passwd', '/etc/passwd'],
    ]) {
      config(drugs, agencies);
      const ds = await loadDataset(dataset);
      assert.equal(ds.context.registries?.drugs.size, 0, drugs);
      assert.equal(ds.context.registries?.agencies.size, 0, agencies);
    }
  });

  test('not even from an editor\'s unsaved text for a file outside', async () => {
    config('../../outside/drugs.yaml', join(outside, 'agencies.yaml'));
    const live = (f: string) => (f.startsWith(outside) ? readFileSync(f, 'utf8') : undefined);
    const ds = await loadDataset(dataset, undefined, live);
    assert.equal(ds.context.registries?.drugs.size, 0);
    assert.equal(ds.context.registries?.agencies.size, 0);
  });

  test('a registry inside the dataset that is a symbolic link to a file outside: not read', async () => {
    const link = join(dataset, 'registries', 'linked-drugs.yaml');
    symlinkSync(join(outside, 'drugs.yaml'), link);
    config('registries/linked-drugs.yaml', 'registries/none.yaml');
    const ds = await loadDataset(dataset);
    assert.equal(ds.context.registries?.drugs.size, 0);
  });
});

describe('the CLI does not follow symbolic links out of the dataset, and writes nothing outside it', () => {
  let dir: string;
  let dataset: string;
  let secret: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'haulcheck-links-'));
    dataset = join(dir, 'dataset');
    cpSync(SAMPLES, dataset, { recursive: true });
    secret = join(dir, 'secret.yaml');
    // Outside: a file with a finding and a safe fix (an unused suppression comment), were it checked.
    writeFileSync(secret, '# haulcheck-disable-next-line figures/tablet-mass -- unused\nid: secret\nstatus: reviewd\n');
    symlinkSync(secret, join(dataset, 'events', '2026', 'linked.yaml'));
    // And a linked folder.
    mkdirSync(join(dir, 'more'));
    writeFileSync(join(dir, 'more', 'x.yaml'), 'id: x\nstatus: reviewd\n');
    symlinkSync(join(dir, 'more'), join(dataset, 'events', 'linked-dir'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a linked file is not checked, and a note on stderr says so', () => {
    const r = spawnSync(process.execPath, [BIN, 'check', '.', '--format', 'json'], { cwd: dataset, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.error, undefined);
    const results = JSON.parse(r.stdout) as { filePath: string }[];
    assert.ok(results.length > 5, 'the dataset itself was checked');
    assert.ok(!results.some((x) => /linked|secret|more/.test(x.filePath)), results.map((x) => x.filePath).join('\n'));
    assert.match(r.stderr, /note: events\/2026\/linked\.yaml is not checked: it is a symbolic link to a file outside the dataset/);
    assert.match(r.stderr, /note: events\/linked-dir\/ is not checked: it is a symbolic link to a folder outside the dataset/);
  });

  test('--fix changes nothing outside the dataset', () => {
    const before = readFileSync(secret, 'utf8');
    const mtime = statSync(secret).mtimeMs;
    spawnSync(process.execPath, [BIN, 'check', '.', '--fix', '--format', 'json'], { cwd: dataset, encoding: 'utf8', timeout: 60_000 });
    assert.equal(readFileSync(secret, 'utf8'), before);
    assert.equal(statSync(secret).mtimeMs, mtime);
    assert.equal(readFileSync(join(dir, 'more', 'x.yaml'), 'utf8'), 'id: x\nstatus: reviewd\n');
  });
});
