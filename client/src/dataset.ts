/**
 * "Haulcheck: Create Dataset" and the commands of the Get Started walkthrough: from an empty folder
 * to a first problem and its quick-fix. The files come from the core (newDatasetFiles, as `haulcheck init` writes them); nothing
 * that exists is overwritten.
 */
import * as vscode from 'vscode';
import { EXAMPLE_EVENT_PATH, newDatasetFiles } from '../../server/src/core/editor/init';

const CONFIG = 'haulcheck.yaml';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

const under = (folder: vscode.Uri, rel: string) => vscode.Uri.joinPath(folder, ...rel.split('/'));

/** Where to create the dataset: the one open folder without a dataset, else the person's choice. */
async function chooseFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const free: vscode.WorkspaceFolder[] = [];
  for (const f of folders) if (!(await exists(under(f.uri, CONFIG)))) free.push(f);
  if (folders.length === 1 && free.length === 1) return free[0].uri;
  if (free.length > 0) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder for the new Haulcheck dataset' }))?.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Create Dataset Here', title: 'Folder for the new Haulcheck dataset' });
  return picked?.[0];
}

/** Creates a dataset in `folder` (asked when not given) and opens its example event. Returns the folder, or undefined. */
export async function createDataset(folder?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const target = folder instanceof vscode.Uri ? folder : await chooseFolder();
  if (!target) return undefined;
  const name = target.path.split('/').filter(Boolean).pop() ?? 'dataset';
  const files = newDatasetFiles({ name: name.replace(/[-_]+/g, ' ') });
  const taken: string[] = [];
  for (const f of files) if (await exists(under(target, f.path))) taken.push(f.path);
  if (taken.length) {
    void vscode.window.showErrorMessage(`Haulcheck: ${vscode.workspace.asRelativePath(target, true)} already has ${taken.join(', ')}; nothing was written.`);
    return undefined;
  }
  const encoder = new TextEncoder();
  for (const f of files) await vscode.workspace.fs.writeFile(under(target, f.path), encoder.encode(f.text));
  const example = under(target, EXAMPLE_EVENT_PATH);
  if (vscode.workspace.getWorkspaceFolder(target)) {
    await vscode.window.showTextDocument(example);
    const folderOf = vscode.workspace.getWorkspaceFolder(target);
    const where = folderOf && folderOf.uri.toString() === target.toString() ? folderOf.name : vscode.workspace.asRelativePath(target, true);
    void vscode.window.showInformationMessage(`Haulcheck: created a dataset in ${where} (haulcheck.yaml, registries/, ${EXAMPLE_EVENT_PATH}).`);
  } else {
    const open = await vscode.window.showInformationMessage(`Haulcheck: created a dataset in ${target.fsPath}.`, 'Open Folder');
    if (open) await vscode.commands.executeCommand('vscode.openFolder', target);
  }
  return target;
}

/** The example event of the first dataset of the workspace, if it is there. */
async function exampleEvent(): Promise<vscode.Uri | undefined> {
  for (const f of vscode.workspace.workspaceFolders ?? []) {
    const uri = under(f.uri, EXAMPLE_EVENT_PATH);
    if (await exists(uri)) return uri;
  }
  return undefined;
}

/** Walkthrough: misspells the status of the active event (or of the example event), as a person might. */
export async function makeMistake(): Promise<void> {
  // (While the walkthrough has the focus there is no active text editor.)
  let editor = vscode.window.activeTextEditor;
  if (!editor || !/^status:\s*\w+/m.test(editor.document.getText())) {
    const uri = await exampleEvent();
    if (!uri) {
      void vscode.window.showInformationMessage('Haulcheck: create a dataset first (Haulcheck: Create Dataset).');
      return;
    }
    editor = await vscode.window.showTextDocument(uri);
  }
  const text = editor.document.getText();
  const m = /^status:[ \t]*(\w+)/m.exec(text);
  if (!m) return;
  const start = editor.document.positionAt(m.index + m[0].length - m[1].length);
  const range = new vscode.Range(start, start.translate(0, m[1].length));
  await editor.edit((b) => b.replace(range, 'reviewd'));
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(range);
}

/**
 * Walkthrough: puts the cursor on the first Haulcheck problem of the active file (else of a visible
 * one, else of the example event) and opens its quick-fixes.
 */
export async function showQuickFix(): Promise<void> {
  const firstProblem = (doc: vscode.TextDocument) => vscode.languages.getDiagnostics(doc.uri).find((d) => d.source === 'haulcheck');
  const candidates = [vscode.window.activeTextEditor?.document, ...vscode.window.visibleTextEditors.map((e) => e.document)];
  let doc = candidates.find((d) => d && firstProblem(d));
  if (!doc) {
    const example = await exampleEvent();
    const opened = example && vscode.workspace.textDocuments.find((d) => d.uri.toString() === example.toString());
    if (opened && firstProblem(opened)) doc = opened;
  }
  const problem = doc && firstProblem(doc);
  if (!doc || !problem) {
    void vscode.window.showInformationMessage('Haulcheck: no problem to fix in the open files. Make one first, or open a file listed in the Problems panel.');
    return;
  }
  const editor = await vscode.window.showTextDocument(doc);
  editor.selection = new vscode.Selection(problem.range.start, problem.range.start);
  editor.revealRange(problem.range);
  await vscode.commands.executeCommand('editor.action.quickFix');
}
