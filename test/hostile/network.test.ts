/**
 * The tool never touches the network: a schema `$ref` to a remote URL is refused when the schema is
 * compiled (ajv has no loader), and nothing in the core or the built bundles makes requests.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { build } from 'esbuild';
import { validateValue } from '../../server/src/core/schema/validate';

const ROOT = join(__dirname, '..', '..');
const attempts: string[] = [];
const restore: (() => void)[] = [];

/** Replaces every way of opening a connection with one that records the attempt and fails. */
function trap<T extends object>(obj: T, name: keyof T & string, label: string) {
  const original = obj[name];
  (obj as Record<string, unknown>)[name] = (...args: unknown[]) => {
    attempts.push(`${label}(${JSON.stringify(args[0])?.slice(0, 100)})`);
    throw new Error(`network access attempted: ${label}`);
  };
  restore.push(() => ((obj as Record<string, unknown>)[name] = original));
}

before(() => {
  trap(http, 'request', 'http.request');
  trap(http, 'get', 'http.get');
  trap(https, 'request', 'https.request');
  trap(https, 'get', 'https.get');
  trap(net, 'connect', 'net.connect');
  trap(net, 'createConnection', 'net.createConnection');
  trap(tls, 'connect', 'tls.connect');
  trap(dns, 'lookup', 'dns.lookup');
  trap(globalThis as unknown as Record<string, unknown>, 'fetch', 'fetch');
});

after(() => {
  for (const r of restore) r();
});

const REMOTE_SCHEMAS: Record<string, Record<string, unknown>> = {
  'a $ref to an https URL': {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: { a: { $ref: 'https://schemas.example.org/evil.json' } },
  },
  'a $ref to an http URL on localhost': {
    type: 'object',
    properties: { a: { $ref: 'http://127.0.0.1:9/x.json#/$defs/y' } },
  },
  'a relative $ref against a remote $id': {
    $id: 'https://schemas.example.org/root.json',
    type: 'object',
    properties: { a: { $ref: 'other.json' } },
  },
  'a $dynamicRef to a remote URL': {
    type: 'object',
    properties: { a: { $dynamicRef: 'https://schemas.example.org/dyn.json#meta' } },
  },
  'an unknown remote meta-schema': {
    $schema: 'https://schemas.example.org/my-meta-schema.json',
    type: 'object',
  },
};

for (const [name, schema] of Object.entries(REMOTE_SCHEMAS)) {
  test(`${name}: refused at compile time, without any network access`, () => {
    const before = attempts.length;
    assert.throws(() => validateValue(schema, { a: 1 }), /resolve|reference|no schema with key or ref|strict mode|unknown/i);
    assert.deepEqual(attempts.slice(before), []);
  });
}

test('the traps work (a request made here is caught)', () => {
  const before = attempts.length;
  assert.throws(() => https.get('https://example.org/'), /network access attempted/);
  assert.equal(attempts.length, before + 1);
  attempts.length = before;
});

function files(dir: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (n.endsWith('.ts')) out.push(p);
  }
  return out;
}

test('the core imports nothing from Node (so no network API): it bundles for a neutral platform', async () => {
  for (const f of files(join(ROOT, 'server', 'src', 'core'))) {
    const src = readFileSync(f, 'utf8');
    assert.doesNotMatch(src, /from ['"](node:)?(http|https|http2|net|tls|dns|dgram|child_process|fs|undici)['"]/, f);
    assert.doesNotMatch(src, /\bfetch\s*\(|XMLHttpRequest|WebSocket/, f);
  }
  const r = await build({
    entryPoints: [join(ROOT, 'server', 'src', 'core', 'index.ts')],
    bundle: true,
    write: false,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    format: 'esm',
    logLevel: 'silent',
  });
  assert.deepEqual(r.errors, []);
  const code = r.outputFiles[0].text;
  assert.doesNotMatch(code, /require\(["'](node:)?(http|https|http2|net|tls|dns)["']\)|from ["'](node:)?(http|https|net)["']/);
  assert.doesNotMatch(code, /[^.\w]fetch\s*\(|XMLHttpRequest/);
});

test('no built bundle (dist/*.js) uses http, https, http2, tls, dns or fetch; only the LSP transports use net', () => {
  const dist = join(ROOT, 'dist');
  assert.ok(existsSync(join(dist, 'cli.js')), 'dist is missing: run `npm run build` first');
  for (const n of readdirSync(dist).filter((x) => x.endsWith('.js'))) {
    const code = readFileSync(join(dist, n), 'utf8');
    assert.doesNotMatch(code, /require\(["'](node:)?(http|https|http2|tls|dns|undici)["']\)/, n);
    assert.doesNotMatch(code, /[^.\w]fetch\s*\(|XMLHttpRequest/, n);
    // `net` is how vscode-languageserver/-client speak LSP over sockets and pipes; the CLI has no use for it.
    if (/^(cli|cli-worker)\.js$/.test(n)) assert.doesNotMatch(code, /require\(["'](node:)?net["']\)/, n);
  }
});
