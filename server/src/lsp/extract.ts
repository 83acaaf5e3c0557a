/**
 * The editor's "New Event from Article…" and "Add Article as Source…" over LSP: the client sends the
 * article's text and what the user said about it; the server reads it (the core's extractArticle)
 * with the dataset's registries and answers with the draft's file (path and text) or with the edits
 * that add the article to the open event. The client writes and opens the file, or applies the edits.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Registries, addDraftToEvent, extractArticle, newDatasetRegistries, renderDraft } from '../core';
import type { FeatureDeps } from './features';

export const EXTRACT_COMMAND = 'haulcheck.server.extract';
export const ADD_SOURCE_COMMAND = 'haulcheck.server.addSource';
export const EXTRACT_COMMANDS = [EXTRACT_COMMAND, ADD_SOURCE_COMMAND];

interface ArticleArgs {
  text?: unknown;
  published?: unknown;
  publisher?: unknown;
  url?: unknown;
  language?: unknown;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The article as the core reads it, with the arguments checked. */
function article(a: ArticleArgs, registries: Registries) {
  const text = typeof a.text === 'string' ? a.text : '';
  if (!text.trim()) throw new Error('the article is empty: select its text, or copy it, first.');
  const published = str(a.published);
  if (published && published !== 'none' && !/^\d{4}-\d{2}-\d{2}$/.test(published)) throw new Error(`the publication date must be YYYY-MM-DD or none, not "${published}".`);
  return extractArticle({
    text,
    published: published && published !== 'none' ? published : null,
    publishedNote: published === 'none' ? 'The article shows no publication date.' : undefined,
    publisher: str(a.publisher),
    url: str(a.url) ?? null,
    language: str(a.language),
    registries,
  });
}

export async function executeExtractCommand(deps: FeatureDeps, command: string, arg: unknown): Promise<unknown> {
  const { files } = deps;
  const { names } = files;
  const a = (arg ?? {}) as ArticleArgs & { folder?: unknown; uri?: unknown };
  if (command === EXTRACT_COMMAND) {
    const folder = str(a.folder);
    const root = await deps.datasetRootFor(folder ? (names.ofUri(folder) ?? folder) : undefined);
    if (!root) throw new Error('No Haulcheck dataset (a folder with haulcheck.yaml) in this workspace');
    const registries = (await files.load(root)).context.registries ?? newDatasetRegistries();
    const draft = article(a, registries);
    const id = String(draft.event.id);
    const year = /^\d{4}/.test(id) ? id.slice(0, 4) : 'undated';
    const abs = names.resolve(root, `events/${year}/${id}.yaml`);
    return { uri: names.uri(abs), path: names.relative(root, abs), exists: await files.exists(abs), text: renderDraft(draft), messages: draft.messages, review: draft.review.length };
  }
  // Add the article to the open event.
  const uri = str(a.uri);
  const doc: TextDocument | undefined = uri ? deps.document(uri) : undefined;
  if (!doc) throw new Error('open the event file the article is a source of first.');
  const ctx = await deps.context(doc);
  if (ctx.kind !== 'event') throw new Error(`${names.basename(names.ofUri(doc.uri) ?? doc.uri)} is not an event file of a dataset.`);
  const draft = article(a, ctx.options.dataset?.registries ?? newDatasetRegistries());
  if (!draft.read) throw new Error(draft.messages.join(' '));
  const result = addDraftToEvent(doc.getText(), draft);
  return {
    edits: result.edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText })),
    added: result.added,
    sourceId: result.sourceId,
    messages: draft.messages,
  };
}
