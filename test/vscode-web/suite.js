// Runs inside VS Code for the Web's browser extension host, loaded by @vscode/test-web
// (extensionTestsPath): the workspace is a copy of samples/ mounted as a virtual folder
// (vscode-test-web://), so that the extension's browser build reads it only through the editor.
// Waits (polling) for the Damascus raid's figures/tablet-mass diagnostic on a file never opened,
// then opens it and asks for the hover of its 2,015 kg and the quick-fixes of the problem, and
// applies the first. Plain JavaScript for the browser: no Node module, no build step.
'use strict';
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

function check(ok, message) {
  if (!ok) throw new Error(message);
}

exports.run = async function run() {
  const started = Date.now();
  const log = (s) => console.log(`[haulcheck-web-suite ${((Date.now() - started) / 1000).toFixed(1)} s] ${s}`);
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  check(folder, 'a workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, 'events', '2025', '2025-sy-damascus-captagon.yaml');
  const codeOf = (d) => (typeof d.code === 'object' && d.code !== null ? d.code.value : d.code);

  // The problems of a file never opened: the dataset indexed and checked through the editor's file system.
  const diag = await poll(
    () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'figures/tablet-mass'),
    90000,
    'the tablet-mass diagnostic of the Damascus raid',
  );
  log(`diagnostic: ${diag.range.start.line + 1}:${diag.range.start.character + 1} ${diag.message}`);
  check(/at most 1\.49 g a tablet/.test(diag.message), diag.message);

  await vscode.window.showTextDocument(uri);
  const hover = await poll(
    async () => {
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, diag.range.start.translate(0, 1));
      const text = (hovers || []).flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
      return /a tablet/.test(text) ? text : undefined;
    },
    20000,
    'the hover of the 2,015 kg',
  );
  check(/at most 1\.49 g a tablet/.test(hover), hover);

  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
  const keep = (actions || []).find((a) => /^Keep thenational's 215 kg/.test(a.title));
  check(keep && keep.edit, `a quick-fix keeping the 215 kg among ${(actions || []).map((a) => a.title).join(' | ')}`);
  check(await vscode.workspace.applyEdit(keep.edit), 'the quick-fix applies');
  await poll(() => !vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'figures/tablet-mass'), 30000, 'the tablet-mass problem to go');
  log('PASS');
};
