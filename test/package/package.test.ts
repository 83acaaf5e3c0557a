/**
 * Installed like other tools: the npm package (`npm pack`) runs in a fresh folder with nothing else
 * installed; the VSIX holds what the extension and its CLI need and nothing else; the bundles carry
 * one locale of country names. The GitHub Action's install is in action.test.ts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureVsix } from '../e2e/lib/build';
import { LspClient } from '../helpers/lsp-client';
import { packTarball, REPO } from './pack';

const BUNDLES = ['cli.js', 'cli-worker.js', 'server.js', 'server-index.js', 'client.js'];

let tmp: string;
before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'haulcheck-package-'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

function dirSize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? dirSize(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}

/** A dataset of generated events, enough for two workers (--jobs 2 starts one per 32 files). */
function generated(events: number): string {
  const dir = join(tmp, `generated-${events}`);
  if (!existsSync(dir)) execFileSync(process.execPath, [join(REPO, 'scripts', 'bench', 'generate.mjs'), '--events', String(events), '--out', dir, '--seed', '7']);
  return dir;
}

test('the bundles carry the country names of the languages the readers read only, not every locale of i18n-iso-countries', () => {
  for (const b of BUNDLES) {
    const text = readFileSync(join(REPO, 'dist', b), 'utf8');
    // Dutch, Finnish, Russian and Japanese names: locales no reader reads.
    for (const foreign of ['Verenigde Arabische Emiraten', 'Syyria', 'Сирия', 'シリア']) assert.ok(!text.includes(foreign), `${b} holds "${foreign}"`);
    if (b === 'client.js') {
      assert.ok(!text.includes('Syrian Arab Republic'), 'the client holds no country name');
      continue;
    }
    assert.ok(text.includes('Syrian Arab Republic'), `${b} has the English names`);
    if (b === 'cli.js' || b === 'server.js') for (const own of ['Suudi Arabistan', 'Vereinigte Arabische Emirate']) assert.ok(text.includes(own), `${b} has "${own}" (Turkish, German: articles are read in them)`);
  }
});

test('npm pack: a package with no dependencies that npx haulcheck runs in a fresh folder (init, check, a missing registry, --jobs 2)', async (t) => {
  const { tarball, files, manifest } = packTarball(tmp);
  // What a user gets: the bundles (no source maps, no editor client), the schemas, the samples, the docs.
  assert.deepEqual(
    files.filter((f) => !f.startsWith('samples/')),
    ['CHANGELOG.md', 'LICENSE', 'README.md', 'bin/haulcheck-language-server.js', 'bin/haulcheck.js', 'dist/cli-worker.js', 'dist/cli.js', 'dist/report-app.css', 'dist/report-app.js', 'dist/server-index.js', 'dist/server-overview.js', 'dist/server.js', 'package.json', 'schemas/agencies.schema.json', 'schemas/config.schema.json', 'schemas/drugs.schema.json', 'schemas/event.schema.json'],
  );
  assert.ok(files.includes('samples/haulcheck.yaml'));
  // Everything is bundled: nothing to install beside it (benchmark peers, the SARIF Multitool, vsce,
  // Playwright and the libraries the bundles hold are all development dependencies).
  assert.deepEqual(manifest.dependencies ?? {}, {});
  for (const dev of ['@vscode/vsce', 'playwright-core', '@microsoft/sarif-multitool-linux', '@stoplight/spectral-cli', 'ajv-cli', 'yaml-language-server']) assert.ok(manifest.devDependencies[dev], dev);

  const project = join(tmp, 'fresh');
  mkdirSync(project);
  const started = performance.now();
  const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: project, encoding: 'utf8', timeout: 120_000 });
  if (install.status !== 0) {
    t.skip(`npm could not install the packed tarball here: ${(install.stderr || install.error?.message || '').trim().split('\n').slice(-3).join(' ')}`);
    return;
  }
  const ms = performance.now() - started;
  assert.deepEqual(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.')), ['haulcheck'], 'nothing but haulcheck is installed');
  t.diagnostic(`npm install of the tarball: ${(ms / 1000).toFixed(1)} s, ${(dirSize(join(project, 'node_modules')) / 1e6).toFixed(1)} MB installed, tarball ${(statSync(tarball).size / 1e6).toFixed(2)} MB`);

  const npx = (args: string[], cwd = project) => spawnSync('npx', ['--no-install', 'haulcheck', ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  const init = npx(['init']);
  assert.equal(init.status, 0, init.stderr);
  assert.match(init.stdout, /Next steps:\n  1\. /);
  const check = npx(['check']);
  assert.equal(check.status, 0, check.stdout + check.stderr);
  assert.match(check.stderr, /^✔ no problems in 4 files \(1 event\), \d+\.\d\d s\n$/);
  rmSync(join(project, 'registries', 'drugs.yaml'));
  const missing = npx(['check']);
  assert.equal(missing.status, 1, missing.stderr);
  assert.match(missing.stdout, /registries\.drugs: registries\/drugs\.yaml does not exist: [^\n]*figures\/tablet-mass[^\n]* cannot run\./);
  // The worker threads' bundle is in the package.
  const dataset = generated(80);
  const one = npx(['check', dataset, '-f', 'json', '--jobs', '1']);
  const two = npx(['check', dataset, '-f', 'json', '--jobs', '2']);
  assert.ok(one.status === 0 || one.status === 1, one.stderr);
  assert.equal(two.status, one.status, two.stderr);
  assert.equal(two.stdout, one.stdout);
  // The report's page is in the package: `npx haulcheck report` writes it.
  const report = npx(['report', dataset, '--out', join(project, 'report')]);
  assert.equal(report.status, 0, report.stderr);
  assert.match(readFileSync(join(project, 'report', 'index.html'), 'utf8'), /id="haulcheck-data"[\s\S]*<script>/);
  // And the language server runs from it: an event with a typo gets its diagnostic.
  const client = new LspClient(['--stdio'], {}, join(project, 'node_modules', 'haulcheck', 'bin', 'haulcheck-language-server.js'));
  try {
    await client.initialize(project);
    const event = join(project, 'events', '2026', '2026-02-22-sy-homs-captagon.yaml');
    const uri = client.open(event, readFileSync(event, 'utf8').replace('status: draft', 'status: drafted'));
    const pub = await client.diagnosticsFor(uri, 1);
    assert.ok(pub.diagnostics.some((d) => d.code === 'schema/enum'), JSON.stringify(pub.diagnostics.map((d) => d.code)));
  } finally {
    await client.close();
  }
});

test('the VSIX holds what the extension and its bundled CLI need, nothing else (vsce ls), and its CLI runs --jobs 2', async () => {
  const vsce = join(REPO, 'node_modules', '.bin', 'vsce');
  const ls = spawnSync(vsce, ['ls', '--no-dependencies'], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  assert.equal(ls.status, 0, ls.stderr);
  const listed = ls.stdout.trim().split('\n').sort();
  const samples = listed.filter((f) => f.startsWith('samples/'));
  assert.deepEqual(
    listed.filter((f) => !f.startsWith('samples/')),
    [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'bin/haulcheck-language-server.js',
      'bin/haulcheck.js',
      'dist/browser-client.js',
      'dist/browser-server.js',
      'dist/cli-worker.js',
      'dist/cli.js',
      'dist/client.js',
      'dist/report-app.css',
      'dist/report-app.js',
      'dist/server-index.js',
      'dist/server-overview.js',
      'dist/server.js',
      'images/icon.png',
      'media/walkthrough/create.md',
      'media/walkthrough/fix.md',
      'media/walkthrough/mistake.md',
      'media/walkthrough/new-event.md',
      'media/walkthrough/problems.md',
      'package.json',
      'schemas/agencies.schema.json',
      'schemas/config.schema.json',
      'schemas/drugs.schema.json',
      'schemas/event.schema.json',
    ],
  );
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  assert.deepEqual(samples, walk(join(REPO, 'samples')).map((f) => f.slice(REPO.length + 1)).sort(), 'the samples, for haulcheck init --from samples');

  // Marketplace and Open VSX fields.
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  assert.equal(pkg.icon, 'images/icon.png');
  const png = readFileSync(join(REPO, pkg.icon));
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
  assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme));
  assert.match(pkg.repository.url, /^https:\/\/github\.com\//);
  assert.ok(pkg.bugs.url && pkg.homepage && pkg.license && pkg.publisher);
  assert.ok(pkg.categories.includes('Linters') && pkg.keywords.length >= 5 && pkg.keywords.length <= 30);
  assert.match(readFileSync(join(REPO, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## ${pkg.version.replace(/\./g, '\\.')}\\b`, 'm'));

  // The packaged extension, unpacked: its CLI finds its worker bundle.
  const vsix = await ensureVsix();
  const unpacked = join(tmp, 'vsix');
  mkdirSync(unpacked);
  const unzip = spawnSync('unzip', ['-q', vsix, '-d', unpacked], { encoding: 'utf8' });
  if (unzip.status !== 0 && unzip.error) {
    // No unzip here: the listed files are what the package holds; run the CLI from them instead.
    for (const f of listed) mkdirSync(join(unpacked, 'extension', f, '..'), { recursive: true });
    for (const f of listed) execFileSync('cp', [join(REPO, f), join(unpacked, 'extension', f)]);
  } else assert.equal(unzip.status, 0, unzip.stderr);
  const cli = join(unpacked, 'extension', 'bin', 'haulcheck.js');
  const dataset = generated(80);
  const two = spawnSync(process.execPath, [cli, 'check', dataset, '-f', 'json', '--jobs', '2'], { encoding: 'utf8', timeout: 120_000 });
  const one = spawnSync(process.execPath, [cli, 'check', dataset, '-f', 'json', '--jobs', '1'], { encoding: 'utf8', timeout: 120_000 });
  assert.notEqual(two.status, 3, two.stderr);
  assert.equal(two.status, one.status, two.stderr);
  assert.equal(two.stdout, one.stdout);
  const init = spawnSync(process.execPath, [cli, 'init', join(tmp, 'from-vsix'), '--from', 'samples'], { encoding: 'utf8' });
  assert.equal(init.status, 0, init.stderr);
});
