/**
 * The editor features over LSP: hovers, completion, code actions (quick-fixes, refactors, fix all),
 * definition and references, the outline, inlay hints and the new-event command. Each handler reads
 * the shared parse of the document's version and the dataset's index; none re-parses a document.
 */
import {
  type CodeAction,
  CodeActionKind,
  type CompletionItem,
  CompletionItemKind,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type InlayHint,
  InsertTextFormat,
  type Location,
  MarkupKind,
  SymbolKind,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { reducedReason } from './large';
import {
  type CheckOptions,
  type CompletionKind,
  type FileKind,
  type Finding,
  type OutlineKind,
  type OutlineSymbol,
  type ParsedFile,
  type TextEdit,
  actionsForFinding,
  classify,
  complete,
  documentSymbols,
  editorHover,
  fixAllSafe,
  idUses,
  inlayHints,
  modelineRemoval,
  newEventPath,
  newEventText,
  parseFile,
  referenceAt,
  refactorsAt,
  registryEntry,
  sourceDefinition,
  sourceUses,
} from '../core';
import type { DiagnosticData } from './convert';
import type { DatasetFiles } from './host';
import type { DatasetState } from './workspace';
import { EXTRACT_COMMANDS, executeExtractCommand } from './extract';

export const FIX_ALL_KIND = 'source.fixAll.haulcheck';
export const NEW_EVENT_COMMAND = 'haulcheck.server.newEvent';

export interface DocContext {
  kind?: FileKind;
  ds?: DatasetState;
  file?: string;
  options: CheckOptions;
}

export interface FeatureDeps {
  connection: Connection;
  document(uri: string): TextDocument | undefined;
  allDocuments(): TextDocument[];
  /** The shared parse of the document's current version. */
  parsed(doc: TextDocument): ParsedFile;
  /** The findings of the document's current version (computed once per version). */
  findings(doc: TextDocument, ctx: DocContext): Finding[];
  context(doc: TextDocument): Promise<DocContext>;
  inlaySettings(uri: string): Promise<{ unitMass: boolean; weekday: boolean }>;
  /** How files are named and read where the server runs. */
  files: DatasetFiles;
  datasetRootFor(folder: string | undefined): Promise<string | undefined>;
  /** What a dataset path would be to its dataset (by haulcheck.yaml's globs). */
  kindOfPath(root: string, rel: string): Promise<FileKind | undefined>;
  readText(file: string): Promise<string | undefined>;
}

const lspRange = (doc: TextDocument, start: number, end: number) => ({ start: doc.positionAt(start), end: doc.positionAt(end) });
const lspEdits = (doc: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] => edits.map((e) => ({ range: lspRange(doc, e.start, e.end), newText: e.newText }));

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  enum: CompletionItemKind.EnumMember,
  drug: CompletionItemKind.Value,
  agency: CompletionItemKind.Value,
  source: CompletionItemKind.Reference,
  country: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  event: SymbolKind.Module,
  key: SymbolKind.Property,
  seizure: SymbolKind.Object,
  figure: SymbolKind.Number,
  source: SymbolKind.String,
  date: SymbolKind.Event,
  location: SymbolKind.Struct,
  agency: SymbolKind.Variable,
  conflict: SymbolKind.EnumMember,
  entry: SymbolKind.Object,
};

const sameRange = (f: Finding, d: Diagnostic) =>
  f.range.start.line === d.range.start.line &&
  f.range.start.character === d.range.start.character &&
  f.range.end.line === d.range.end.line &&
  f.range.end.character === d.range.end.character;

export function registerFeatures(deps: FeatureDeps, clientSupportsSnippets: () => boolean, clientRenamesFiles: () => boolean = () => false): void {
  const { connection } = deps;
  const { names } = deps.files;
  const registryCache = new Map<string, { text: string; parsed: ParsedFile }>();

  /** A registry file's parse: the open editor's shared parse, else the file on disk (parsed once per text). */
  async function registry(file: string): Promise<ParsedFile | undefined> {
    const open = deps.allDocuments().find((d) => names.ofUri(d.uri) === file);
    if (open) return deps.parsed(open);
    const text = await deps.readText(file);
    if (text === undefined) return undefined;
    const hit = registryCache.get(file);
    if (hit && hit.text === text) return hit.parsed;
    const parsed = parseFile(text);
    registryCache.set(file, { text, parsed });
    return parsed;
  }

  function registryPath(ds: DatasetState | undefined, list: 'drugs' | 'agencies'): string | undefined {
    return ds ? names.resolve(ds.root, ds.dataset.config.registries[list]) : undefined;
  }

  /** The open document of a request and its dataset context; undefined when Haulcheck has nothing to say about it. */
  async function open(uri: string): Promise<{ doc: TextDocument; ctx: DocContext & { kind: FileKind } } | undefined> {
    const doc = deps.document(uri);
    if (!doc) return undefined;
    const ctx = await deps.context(doc);
    if (!ctx.kind) return undefined;
    return { doc, ctx: ctx as DocContext & { kind: FileKind } };
  }

  connection.onHover(async (params) => {
    const target = await open(params.textDocument.uri);
    if (!target) return null;
    const { doc, ctx } = target;
    const h = editorHover(deps.parsed(doc), ctx.kind, doc.offsetAt(params.position), ctx.options.dataset ?? {});
    if (!h) return null;
    return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: lspRange(doc, h.start, h.end) };
  });

  connection.onCompletion(async (params) => {
    const target = await open(params.textDocument.uri);
    if (!target) return null;
    const { doc, ctx } = target;
    const r = complete(deps.parsed(doc), ctx.kind, doc.offsetAt(params.position), ctx.options.dataset ?? {});
    if (!r) return null;
    const range = lspRange(doc, r.start, r.end);
    const snippets = clientSupportsSnippets();
    const items: CompletionItem[] = [];
    for (const it of r.items) {
      if (it.snippet && !snippets) continue;
      items.push({
        label: it.label,
        kind: COMPLETION_KIND[it.kind],
        detail: it.detail,
        documentation: it.documentation ? { kind: MarkupKind.Markdown, value: it.documentation } : undefined,
        sortText: it.sortText,
        filterText: it.label,
        textEdit: { range, newText: it.insertText },
        insertTextFormat: it.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      });
    }
    return { isIncomplete: false, items };
  });

  connection.onCodeAction(async (params) => {
    const target = await open(params.textDocument.uri);
    if (!target) return null;
    const { doc, ctx } = target;
    const kind = ctx.kind;
    const file = deps.parsed(doc);
    const only = params.context.only;
    const wants = (k: string) => !only || only.some((o) => k === o || k.startsWith(o + '.'));
    const uri = doc.uri;
    const out: CodeAction[] = [];
    const findings = deps.findings(doc, ctx);
    if (wants(CodeActionKind.QuickFix)) {
      for (const d of params.context.diagnostics) {
        const data = d.data as DiagnosticData | undefined;
        if (d.source !== 'haulcheck' || !data) continue;
        const f = findings.find((x) => x.ruleId === data.ruleId && x.pointer === data.pointer && x.docIndex === data.docIndex && sameRange(x, d));
        if (!f) continue;
        const { fixes, preferred } = actionsForFinding(file, kind, f, ctx.options.dataset ?? {});
        fixes.forEach((fix, i) => {
          let edit: CodeAction['edit'] = { changes: { [uri]: lspEdits(doc, fix.edits) } };
          if (fix.renameTo !== undefined) {
            // A file rename (LSP RenameFile), for clients that apply resource operations.
            if (!clientRenamesFiles() || !ctx.ds) return;
            const newUri = names.uri(names.resolve(ctx.ds.root, fix.renameTo));
            edit = { documentChanges: [{ kind: 'rename', oldUri: uri, newUri, options: { overwrite: false, ignoreIfExists: false } }] };
          }
          out.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            isPreferred: i === preferred ? true : undefined,
            edit,
          });
        });
      }
    }
    if (wants(CodeActionKind.RefactorRewrite)) {
      for (const fix of refactorsAt(file, kind, doc.offsetAt(params.range.start))) {
        out.push({ title: fix.title, kind: CodeActionKind.RefactorRewrite, edit: { changes: { [uri]: lspEdits(doc, fix.edits) } } });
      }
      // A modeline is not needed where haulcheck.yaml's globs already say what the file is.
      const modeline = ctx.ds && ctx.file && classify(ctx.ds.dataset.config, names.relative(ctx.ds.root, ctx.file)) === kind ? modelineRemoval(file, doc.offsetAt(params.range.start)) : undefined;
      if (modeline) out.push({ title: modeline.title, kind: CodeActionKind.RefactorRewrite, edit: { changes: { [uri]: lspEdits(doc, modeline.edits) } } });
    }
    if (only && only.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(o + '.'))) {
      const r = fixAllSafe(file, kind, ctx.options, findings);
      if (r.edits.length) out.push({ title: `Fix all safe Haulcheck problems (${r.applied})`, kind: FIX_ALL_KIND, edit: { changes: { [uri]: lspEdits(doc, r.edits) } } });
    }
    return out;
  });

  connection.onDefinition(async (params): Promise<Location | Location[] | null> => {
    const target = await open(params.textDocument.uri);
    if (!target) return null;
    const { doc, ctx } = target;
    const file = deps.parsed(doc);
    const t = referenceAt(file, ctx.kind, doc.offsetAt(params.position));
    if (!t) return null;
    if (t.kind === 'source') {
      const r = sourceDefinition(file, t.docIndex, t.id);
      return r ? { uri: doc.uri, range: lspRange(doc, r[0], r[1]) } : null;
    }
    const reg = registryPath(ctx.ds, t.kind === 'drug' ? 'drugs' : 'agencies');
    if (!reg) return null;
    const parsed = await registry(reg);
    const r = parsed && registryEntry(parsed, t.kind === 'drug' ? 'drugs' : 'agencies', t.id);
    if (!parsed || !r) return null;
    const s = parsed.lines.position(r[0]);
    const e = parsed.lines.position(r[1]);
    return { uri: names.uri(reg), range: { start: { line: s.line, character: s.character }, end: { line: e.line, character: e.character } } };
  });

  connection.onReferences(async (params): Promise<Location[] | null> => {
    const target = await open(params.textDocument.uri);
    if (!target) return null;
    const { doc, ctx } = target;
    const file = deps.parsed(doc);
    const t = referenceAt(file, ctx.kind, doc.offsetAt(params.position));
    if (!t) return null;
    const out: Location[] = [];
    const add = (uri: string, f: ParsedFile, r: [number, number]) => {
      const s = f.lines.position(r[0]);
      const e = f.lines.position(r[1]);
      out.push({ uri, range: { start: { line: s.line, character: s.character }, end: { line: e.line, character: e.character } } });
    };
    if (t.kind === 'source') {
      const def = sourceDefinition(file, t.docIndex, t.id);
      if (def && params.context.includeDeclaration) add(doc.uri, file, def);
      for (const r of sourceUses(file, t.docIndex, t.id)) add(doc.uri, file, r);
      return out;
    }
    const list = t.kind === 'drug' ? 'drugs' : 'agencies';
    const reg = registryPath(ctx.ds, list);
    if (reg && params.context.includeDeclaration) {
      const parsed = await registry(reg);
      const r = parsed && registryEntry(parsed, list, t.id);
      if (parsed && r) add(names.uri(reg), parsed, r);
    }
    // the open documents of the dataset (their current text), then the indexed files (drugs only)
    const seen = new Set<string>();
    for (const d of deps.allDocuments()) {
      const p = names.ofUri(d.uri);
      if (ctx.ds && (!p || !names.inside(ctx.ds.root, p))) continue;
      if (!ctx.ds && d.uri !== doc.uri) continue;
      const dctx = d.uri === doc.uri ? ctx : await deps.context(d);
      if (!dctx.kind) continue;
      const f = deps.parsed(d);
      for (const r of idUses(f, dctx.kind, t.kind, t.id)) add(d.uri, f, r);
      if (p) seen.add(p);
    }
    if (ctx.ds && t.kind === 'drug') {
      for (const facts of ctx.ds.index.events()) {
        const abs = names.resolve(ctx.ds.root, facts.file);
        if (seen.has(abs) || !facts.drugs.includes(t.id)) continue;
        const line = facts.idLine ?? 0;
        out.push({ uri: names.uri(abs), range: { start: { line, character: 0 }, end: { line, character: 0 } } });
      }
    }
    return out;
  });

  connection.onDocumentSymbol(async (params): Promise<DocumentSymbol[] | null> => {
    const target = await open(params.textDocument.uri);
    if (!target) return null;
    const { doc, ctx } = target;
    const convert = (s: OutlineSymbol): DocumentSymbol => ({
      name: s.name || '?',
      detail: s.detail,
      kind: SYMBOL_KIND[s.kind],
      range: lspRange(doc, s.start, s.end),
      selectionRange: lspRange(doc, s.selStart, s.selEnd),
      children: s.children?.map(convert),
    });
    // A file over the editor's limits (see large.ts) gets no outline: it would be as large as the file.
    if (reducedReason(doc.getText(), deps.parsed(doc))) return null;
    return documentSymbols(deps.parsed(doc), ctx.kind).map(convert);
  });

  connection.languages.inlayHint.on(async (params): Promise<InlayHint[] | null> => {
    const target = await open(params.textDocument.uri);
    if (!target) return null;
    const { doc, ctx } = target;
    const opts = await deps.inlaySettings(doc.uri);
    if (!opts.unitMass && !opts.weekday) return [];
    if (reducedReason(doc.getText())) return [];
    const range: [number, number] = [doc.offsetAt(params.range.start), doc.offsetAt(params.range.end)];
    return inlayHints(deps.parsed(doc), ctx.kind, ctx.options.dataset ?? {}, opts, range).map((h) => ({
      position: doc.positionAt(h.offset),
      label: h.label.trim(),
      paddingLeft: true,
      tooltip: h.tooltip,
    }));
  });

  connection.onExecuteCommand(async (params) => {
    if (EXTRACT_COMMANDS.includes(params.command)) return executeExtractCommand(deps, params.command, params.arguments?.[0]);
    if (params.command !== NEW_EVENT_COMMAND) return null;
    const a = (params.arguments?.[0] ?? {}) as { folder?: string; date?: string; country?: string; place?: string; drug?: string };
    const date = String(a.date ?? '');
    const country = String(a.country ?? '').toUpperCase();
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date) || !/^[A-Z]{2}$/.test(country) || !a.drug) {
      throw new Error('haulcheck.server.newEvent needs a date (YYYY, YYYY-MM or YYYY-MM-DD), a two-letter country code and a drug id');
    }
    const root = await deps.datasetRootFor(a.folder ? (names.ofUri(a.folder) ?? a.folder) : undefined);
    if (!root) throw new Error('No Haulcheck dataset (a folder with haulcheck.yaml) in this workspace');
    const input = { date, country, place: String(a.place ?? ''), drug: String(a.drug) };
    const rel = newEventPath(input);
    // The file is an event because the dataset's globs say so (it names no schema): one they do not
    // match would go unchecked.
    const kind = await deps.kindOfPath(root, rel);
    if (kind !== 'event') throw new Error(`${rel} would not be checked: the \`events\` globs of ${names.resolve(root, 'haulcheck.yaml')} do not match it`);
    const abs = names.resolve(root, rel);
    return { uri: names.uri(abs), path: names.relative(root, abs), exists: await deps.files.exists(abs), text: newEventText(input) };
  });
}
