/** The language server reports a registry haulcheck.yaml names that does not exist, on its line. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient } from '../helpers/lsp-client';
import { copySamples } from '../helpers/dataset';

test('haulcheck.yaml in the editor: a missing registry is an error naming the checks it turns off', async () => {
  const ws = copySamples();
  const client = new LspClient();
  try {
    rmSync(join(ws.dir, 'registries', 'agencies.yaml'));
    await client.initialize(ws.dir, { workspace: { configuration: true } });
    const config = join(ws.dir, 'haulcheck.yaml');
    const uri = client.open(config, readFileSync(config, 'utf8'));
    const pub = await client.diagnosticsFor(uri, 1);
    const d = pub.diagnostics.find((x) => x.code === 'config/paths');
    assert.ok(d, JSON.stringify(pub.diagnostics));
    assert.equal(d.message, 'registries.agencies: registries/agencies.yaml does not exist: refs/unknown-agency cannot run.');
    assert.deepEqual([d.severity, d.range.start.line], [1, 8]);
  } finally {
    await client.close();
    ws.cleanup();
  }
});
