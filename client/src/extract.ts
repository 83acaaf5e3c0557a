/**
 * "Haulcheck: New Event from Article…" and "Haulcheck: Add Article as Source…": the article's text
 * comes from the selection, else the clipboard, else an input box; the publication date, publisher
 * and address are asked for; the server reads the article and the client writes and opens the
 * draft, or applies the edits that add the article to the open event. Hovering a drafted value
 * shows the sentence it was read from (the server's hover).
 */
import * as vscode from 'vscode';
import { type BaseLanguageClient as LanguageClient, ExecuteCommandRequest } from 'vscode-languageclient';

interface ArticleAnswers {
  text: string;
  published: string;
  publisher?: string;
  url?: string;
}

const TITLE_NEW = 'New Event from Article';
const TITLE_ADD = 'Add Article as Source';

/** The article: the selection (when it is not the event being edited), else the clipboard, else what the user pastes. */
async function articleText(title: string, allowSelection: boolean): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const selected = allowSelection && editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  if (selected.trim().length >= 40) return selected;
  const clip = await vscode.env.clipboard.readText();
  if (clip.trim().length >= 40) {
    const use = await vscode.window.showQuickPick(
      [
        { label: 'Use the text on the clipboard', detail: clip.trim().slice(0, 160).replace(/\s+/g, ' '), take: true },
        { label: 'Paste the text…', take: false },
      ],
      { title, ignoreFocusOut: true },
    );
    if (!use) return undefined;
    if (use.take) return clip;
  }
  return vscode.window.showInputBox({ title, prompt: 'Paste the article’s text (or select it in an editor, or copy it, and run the command again)', ignoreFocusOut: true });
}

const today = () => new Date().toISOString().slice(0, 10);

async function askAnswers(title: string, allowSelection: boolean): Promise<ArticleAnswers | undefined> {
  const text = await articleText(title, allowSelection);
  if (!text?.trim()) return undefined;
  const published = await vscode.window.showInputBox({
    title,
    prompt: 'Publication date of the article (YYYY-MM-DD), or none when it shows none',
    value: today(),
    ignoreFocusOut: true,
    validateInput: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v.trim()) || v.trim() === 'none' ? undefined : 'YYYY-MM-DD, or none'),
  });
  if (published === undefined) return undefined;
  const publisher = await vscode.window.showInputBox({ title, prompt: 'Publisher (the outlet, e.g. The National)', ignoreFocusOut: true });
  if (publisher === undefined) return undefined;
  const url = await vscode.window.showInputBox({
    title,
    prompt: 'Address of the article (optional)',
    ignoreFocusOut: true,
    validateInput: (v) => (!v.trim() || /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(v.trim()) ? undefined : 'an address such as https://example.org/article, or nothing'),
  });
  if (url === undefined) return undefined;
  return { text, published: published.trim(), publisher: publisher.trim() || undefined, url: url.trim() || undefined };
}

async function execute<T>(client: LanguageClient, command: string, args: object): Promise<T | undefined> {
  try {
    return (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] })) as T;
  } catch (e) {
    void vscode.window.showErrorMessage(`Haulcheck: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

/** New Event from Article…: writes the draft to events/<year>/<id>.yaml (never over a file) and opens it. */
export async function newEventFromArticle(client: LanguageClient | undefined, given?: Partial<ArticleAnswers>): Promise<vscode.Uri | undefined> {
  if (!client) return undefined;
  const answers = given?.text && given.published ? (given as ArticleAnswers) : await askAnswers(TITLE_NEW, true);
  if (!answers) return undefined;
  const folder = vscode.window.activeTextEditor?.document.uri.toString() ?? vscode.workspace.workspaceFolders?.[0]?.uri.toString();
  const made = await execute<{ uri: string; exists: boolean; text: string; messages: string[]; review: number }>(client, 'haulcheck.server.extract', { ...answers, folder });
  if (!made) return undefined;
  let uri = vscode.Uri.parse(made.uri);
  if (made.exists) {
    // A file of that id exists: the draft opens unsaved, for the maintainer to merge or rename.
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: made.text });
    await vscode.window.showTextDocument(doc);
    void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(uri)} exists already: the draft is opened unsaved.`);
    return doc.uri;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(made.text));
  await vscode.window.showTextDocument(uri);
  const notes = [...made.messages, made.review ? `${made.review} point${made.review === 1 ? '' : 's'} to review (comments in the file)` : ''].filter(Boolean);
  if (notes.length) void vscode.window.showInformationMessage(`Haulcheck: ${notes.join(' ')}`);
  uri = vscode.Uri.parse(made.uri);
  return uri;
}

/** Add Article as Source…: the edits that add the article to the open event, applied as one undoable edit. */
export async function addArticleAsSource(client: LanguageClient | undefined, given?: Partial<ArticleAnswers>): Promise<boolean> {
  if (!client) return false;
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'yaml') {
    void vscode.window.showErrorMessage('Haulcheck: open the event file the article is a source of first.');
    return false;
  }
  const doc = editor.document;
  const answers = given?.text && given.published ? (given as ArticleAnswers) : await askAnswers(TITLE_ADD, false);
  if (!answers) return false;
  const made = await execute<{ edits: { range: vscode.Range; newText: string }[]; added: string[]; messages: string[] }>(client, 'haulcheck.server.addSource', { ...answers, uri: doc.uri.toString() });
  if (!made) return false;
  const edit = new vscode.WorkspaceEdit();
  for (const e of made.edits) {
    const { start, end } = e.range;
    edit.replace(doc.uri, new vscode.Range(start.line, start.character, end.line, end.character), e.newText);
  }
  const ok = await vscode.workspace.applyEdit(edit);
  if (ok) void vscode.window.showInformationMessage(`Haulcheck: added ${made.added.join(', ')}.${made.messages.length ? ' ' + made.messages.join(' ') : ''}`);
  return ok;
}
