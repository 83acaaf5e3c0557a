// Runs inside VS Code's extension host, loaded by @vscode/test-electron (--extensionTestsPath):
// opens the broken event of the test workspace and waits (polling) for the Haulcheck diagnostic on
// its `status` line, then asks for the hover of the `status` key. Plain JavaScript: no build step.
// Inputs come from the environment set by test/vscode-electron.test.ts.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');

async function poll(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function hoverText(hovers) {
  return (hovers || [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

exports.run = async function run() {
  const file = process.env.HAULCHECK_BROKEN_FILE;
  const line = Number(process.env.HAULCHECK_STATUS_LINE);
  const badStatus = process.env.HAULCHECK_BAD_STATUS;
  const description = process.env.HAULCHECK_STATUS_DESCRIPTION;
  assert.ok(file && Number.isInteger(line) && badStatus && description, 'HAULCHECK_* environment from the test');
  const started = Date.now();
  const log = (s) => console.log(`[haulcheck-suite ${((Date.now() - started) / 1000).toFixed(1)} s] ${s}`);

  const uri = vscode.Uri.file(file);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'yaml');
  const ext = vscode.extensions.getExtension('haulcheck.haulcheck');
  assert.ok(ext, 'the extension under development is haulcheck.haulcheck');
  await poll(() => ext.isActive, 30000, 'the extension to activate');
  log('extension active');

  const diag = await poll(
    () => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'haulcheck' && d.range.start.line === line),
    60000,
    `a haulcheck diagnostic on line ${line + 1} of ${file}`,
  );
  const code = typeof diag.code === 'object' && diag.code !== null ? diag.code.value : diag.code;
  log(`diagnostic: ${line + 1}:${diag.range.start.character + 1} ${code} ${diag.message}`);
  assert.equal(code, 'schema/enum');
  assert.equal(diag.severity, vscode.DiagnosticSeverity.Error);
  assert.ok(diag.message.includes(badStatus), `the message names "${badStatus}": ${diag.message}`);

  const text = await poll(
    async () => {
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(line, 2));
      const t = hoverText(hovers);
      return t.includes(description) ? t : undefined;
    },
    20000,
    'the hover of "status" to show its schema description',
  );
  log(`hover: ${text.replace(/\s+/g, ' ').slice(0, 120)}`);
  log('PASS');
};
