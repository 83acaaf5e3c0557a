/**
 * The extension in VS Code for the Web itself, through @vscode/test-web: runs test/vscode-web/suite.js
 * in the browser's extension host, with a copy of samples/ mounted as a virtual folder, so that the
 * extension's browser build is the one that runs and reads the dataset only through the editor.
 *
 * @vscode/test-web is not among the devDependencies: its install downloads Chromium and each run
 * downloads VS Code for the Web, which an offline machine cannot. Where it is installed
 * (`npm install --no-save @vscode/test-web`) and the download works, this test runs; elsewhere it
 * skips and says why, and test/e2e/web-extension.test.ts runs the browser build in code-server.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ensureBuilt } from './e2e/lib/build';
import { REPO_ROOT } from './e2e/lib/paths';
import { makeWorkspace } from './e2e/lib/workspace';

const NETWORK_ERROR = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|timed? ?out|socket hang up|getaddrinfo|fetch failed|Executable doesn't exist/i;

interface TestWeb {
  runTests(options: Record<string, unknown>): Promise<void>;
}

function testWeb(): TestWeb | undefined {
  try {
    // (Resolved at run time: the package is optional.)
    return require(require.resolve('@vscode/test-web', { paths: [REPO_ROOT] })) as TestWeb;
  } catch {
    return undefined;
  }
}

test('VS Code for the Web (@vscode/test-web) shows the Damascus raid\'s tablet mass, its hover and a quick-fix, from a virtual folder', { timeout: 300_000 }, async (t) => {
  const web = testWeb();
  if (!web) {
    t.skip('@vscode/test-web is not installed (its install downloads Chromium, and each run downloads VS Code for the Web: not possible offline); `npm install --no-save @vscode/test-web` where there is internet runs this test; test/e2e/web-extension.test.ts runs the browser build in code-server here');
    return;
  }
  await ensureBuilt(); // dist/browser-client.js and dist/browser-server.js among them
  const ws = makeWorkspace();
  try {
    await web.runTests({
      browserType: 'chromium',
      headless: true,
      quality: 'stable',
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: join(REPO_ROOT, 'test', 'vscode-web', 'suite.js'),
      folderPath: ws.dir,
      printServerLog: false,
    });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    if (NETWORK_ERROR.test(reason)) {
      t.skip(`VS Code for the Web or its browser could not be downloaded (offline machine): ${reason}`);
      return;
    }
    assert.fail(reason);
  } finally {
    ws.cleanup();
  }
});
