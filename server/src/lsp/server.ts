/**
 * The language server: a thin adapter from LSP to the core. It keeps one parse per document
 * version, debounces checks, drops stale runs, and keeps an index of each dataset current.
 */
import {
  CodeActionKind,
  type Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { EditTracker, leadingPart } from './edits';
import { CONFIG_FILE, type FileKind, type Finding, type ParsedFile, checkParsed, kindFromModeline, parseFile, resolveConfig } from '../core';
import { findDatasetRoot, kindOf, loadDataset, readText } from '../node/dataset';
import { toDiagnostic } from './convert';
import { type DocContext, FIX_ALL_KIND, NEW_EVENT_COMMAND, registerFeatures } from './features';
import { type DatasetState, type IndexProgress, Workspace, relPath } from './workspace';
import { registerOverview } from './overview';

export interface Settings {
  enable: boolean;
  debounceMs: number;
  rules: Record<string, unknown>;
  inlayHints: { unitMass: boolean; weekday: boolean };
}

/** The shortest wait after a change before a check (see lastCheckMs). */
export const MIN_DEBOUNCE_MS = 10;

export const DEFAULT_SETTINGS: Settings = { enable: true, debounceMs: 30, rules: {}, inlayHints: { unitMass: true, weekday: true } };

function withDefaults(v: Partial<Settings> | null | undefined): Settings {
  return { ...DEFAULT_SETTINGS, ...(v ?? {}), inlayHints: { ...DEFAULT_SETTINGS.inlayHints, ...(v?.inlayHints ?? {}) } };
}

interface DocState {
  version: number;
  file: ParsedFile;
  /** The findings of this version, once checked (shared by diagnostics and code actions). */
  findings?: Finding[];
}

export const SERVER_NAME = 'haulcheck-language-server';
export const SERVER_VERSION = '0.1.0';

export function startServer(connection: Connection): void {
  // Each change's range is noted, so that a parse reads only what changed (edits.ts).
  const edits = new EditTracker();
  const documents = new TextDocuments(edits.config);
  const states = new Map<string, DocState>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const settingsCache = new Map<string, Promise<Settings>>();
  let hasConfigurationCapability = false;
  let hasWatchedFilesCapability = false;
  let hasProgressCapability = false;
  let hasSnippetCapability = false;
  let canRenameFiles = false;
  let globalSettings: Settings = DEFAULT_SETTINGS;
  let workspaceFolders: string[] = [];

  const log = (m: string) => connection.console.log(`[${new Date().toISOString().slice(11, 23)}] ${m}`);

  function fsPathOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }

  const workspace = new Workspace(
    log,
    (p) => {
      for (const d of documents.all()) if (fsPathOf(d.uri) === p) return d.getText();
      return undefined;
    },
    () =>
      documents
        .all()
        .map((d) => [fsPathOf(d.uri), d.getText()] as [string | undefined, string])
        .filter((e): e is [string, string] => e[0] !== undefined),
    () => cacheDir,
  );
  /** The client's storage folder for this extension (initializationOptions.cacheDir), for the facts cache. */
  let cacheDir: string | undefined;

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    hasConfigurationCapability = !!caps.workspace?.configuration;
    hasWatchedFilesCapability = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    hasProgressCapability = !!caps.window?.workDoneProgress;
    hasSnippetCapability = !!caps.textDocument?.completion?.completionItem?.snippetSupport;
    const workspaceEdit = caps.workspace?.workspaceEdit;
    canRenameFiles = !!workspaceEdit?.documentChanges && !!workspaceEdit.resourceOperations?.includes('rename');
    const init = params.initializationOptions as Partial<Settings> | undefined;
    if (init && typeof init === 'object') globalSettings = withDefaults(init);
    const dir = (init as { cacheDir?: unknown } | undefined)?.cacheDir;
    if (typeof dir === 'string' && path.isAbsolute(dir)) cacheDir = dir;
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => fsPathOf(f.uri)).filter((p): p is string => !!p);
    if (workspaceFolders.length === 0 && params.rootUri) {
      const r = fsPathOf(params.rootUri);
      if (r) workspaceFolders = [r];
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '-'], resolveProvider: false },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND],
          resolveProvider: false,
        },
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        inlayHintProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [NEW_EVENT_COMMAND] },
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (hasConfigurationCapability) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'haulcheck' });
    }
    if (hasWatchedFilesCapability) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.{yaml,yml}', kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete },
        ],
      });
    }
    log(`${SERVER_NAME} ${SERVER_VERSION} ready (node ${process.version})`);
    // Index the datasets at the workspace roots up front, with progress shown in the editor.
    for (const folder of workspaceFolders) {
      const root = findDatasetRoot(folder);
      if (root) void indexWithProgress(root);
    }
  });

  async function indexWithProgress(root: string): Promise<DatasetState> {
    let progress: IndexProgress | undefined;
    if (hasProgressCapability) {
      const reporter = await connection.window.createWorkDoneProgress().catch(() => undefined);
      if (reporter) {
        progress = {
          begin: (title, total) => reporter.begin(title, 0, `0/${total} files`, false),
          report: (done, total) => reporter.report(Math.round((done / Math.max(1, total)) * 100), `${done}/${total} files`),
          done: (message) => {
            reporter.done();
            log(message);
          },
        };
      }
    }
    return workspace.get(root, progress);
  }

  function getSettings(uri: string): Promise<Settings> {
    if (!hasConfigurationCapability) return Promise.resolve(globalSettings);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'haulcheck' })
        .then((v: Partial<Settings> | null) => withDefaults(v))
        .catch(() => DEFAULT_SETTINGS);
      settingsCache.set(uri, s);
    }
    return s;
  }

  /** Parse once per document version; every feature shares the result. */
  function stateOf(doc: TextDocument): DocState {
    let st = states.get(doc.uri);
    if (!st || st.version !== doc.version) {
      // The previous version's unchanged documents are reused (a one-character edit in a long
      // multi-document file re-reads one document); the previous parse is not used afterwards.
      // Told what the changes since then left alone, it looks at nothing else (no scan of the whole text).
      const unchanged = edits.unchangedSince(doc, st?.version);
      const first = st ? undefined : firstParts.get(doc.uri);
      firstParts.delete(doc.uri);
      st =
        first?.version === doc.version
          ? { version: doc.version, file: parseFile(doc.getText(), first.file, { unchanged: { prefix: first.head, suffix: 0 } }) }
          : { version: doc.version, file: parseFile(doc.getText(), st?.file, unchanged ? { unchanged } : {}) };
      states.set(doc.uri, st);
    }
    return st;
  }

  interface Resolved {
    kind?: FileKind;
    ds?: DatasetState;
    file?: string;
  }

  async function resolve(doc: TextDocument): Promise<Resolved> {
    const p = fsPathOf(doc.uri);
    const root = p ? findDatasetRoot(path.dirname(p)) : undefined;
    if (root && p) {
      const ds = await indexWithProgress(root);
      return { kind: kindOf(ds.dataset, p, doc.getText()), ds, file: p };
    }
    return { kind: kindFromModeline(doc.getText()) };
  }

  function checkOptions(ds: DatasetState | undefined, file: string | undefined, settings: Settings) {
    return {
      config: ds ? workspace.configFor(ds, settings.rules) : undefined,
      dataset: ds ? { ...ds.dataset.context, index: ds.index } : undefined,
      path: ds && file ? relPath(ds.root, file) : undefined,
    };
  }

  async function validate(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const settings = await getSettings(uri);
    if (!settings.enable) {
      connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    if (!states.has(uri) && !firstParts.has(uri)) await showFirstPart(doc, settings);
    const { kind, ds, file } = await resolve(doc);
    const current = documents.get(uri);
    if (!current || current.version !== version) return; // a newer version is on its way
    if (!kind) {
      connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const t0 = performance.now();
    const st = stateOf(current);
    let related = false;
    if (ds && file && kind === 'event') {
      ds.open.add(file);
      related = workspace.update(ds, file, st.file);
    }
    const findings = checkParsed(st.file, kind, checkOptions(ds, file, settings));
    st.findings = findings;
    const ms = performance.now() - t0;
    lastCheckMs.set(uri, ms);
    if (ms > 200) log(`checked ${uri} v${version} in ${ms.toFixed(0)} ms (${findings.length} findings)`);
    // This document's facts changed: dataset-wide findings of the other open files may have too.
    if (related && ds) revalidateOthers(ds.root, uri);
    // Input that arrived meanwhile (a burst of changes split over several reads) is read first: a
    // newer version publishes instead of this one.
    await new Promise((r) => setImmediate(r));
    if (documents.get(uri)?.version !== version) return;
    connection.sendDiagnostics({ uri, version, diagnostics: findings.map((f) => toDiagnostic(f, uri)) });
  }

  /** The first part of a long stream just opened (showFirstPart), read before the rest: stateOf keeps its documents. */
  const firstParts = new Map<string, { version: number; file: ParsedFile; head: number }>();

  /**
   * A long stream just opened: its first documents (those on screen) are read, checked and shown at
   * once, with the dataset's config and registries but before its index is ready (the dataset-wide
   * findings come with the rest); then the whole text is read, keeping those documents, and checked.
   */
  async function showFirstPart(doc: TextDocument, settings: Settings): Promise<void> {
    const text = doc.getText();
    const head = leadingPart(text);
    if (head === undefined) return;
    const p = fsPathOf(doc.uri);
    const root = p ? findDatasetRoot(path.dirname(p)) : undefined;
    const live = (f: string) => documents.all().find((d) => fsPathOf(d.uri) === f)?.getText();
    const dataset = root ? await loadDataset(root, undefined, live) : undefined;
    const kind = dataset && p ? kindOf(dataset, p, text) : kindFromModeline(text);
    if (!kind || documents.get(doc.uri)?.version !== doc.version) return;
    const first = parseFile(text.slice(0, head));
    const config = dataset && (Object.keys(settings.rules).length ? resolveConfig(dataset.rawConfig, settings.rules) : dataset.config);
    const findings = checkParsed(first, kind, { config, dataset: dataset?.context, path: root && p ? relPath(root, p) : undefined });
    connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: findings.map((f) => toDiagnostic(f, doc.uri)) });
    firstParts.set(doc.uri, { version: doc.version, file: first, head });
    await new Promise((r) => setImmediate(r)); // sent before the rest is read
  }

  /**
   * How long each document's last check took. After a change a document waits as long as its last
   * check took (at least MIN_DEBOUNCE_MS), at most `debounceMs`: a short file is checked almost at
   * once, a long one still waits for the typing to pause.
   */
  const lastCheckMs = new Map<string, number>();

  function schedule(uri: string, immediate: boolean) {
    clearTimeout(timers.get(uri));
    const run = () => {
      timers.delete(uri);
      validate(uri).catch((e) => log(`check of ${uri} failed: ${e instanceof Error ? e.stack : String(e)}`));
    };
    if (immediate) {
      run();
      return;
    }
    void getSettings(uri).then((s) => {
      clearTimeout(timers.get(uri));
      const max = Math.max(0, s.debounceMs);
      timers.set(uri, setTimeout(run, Math.min(max, Math.max(MIN_DEBOUNCE_MS, lastCheckMs.get(uri) ?? max))));
    });
  }

  function revalidateOthers(root: string, except?: string) {
    for (const d of documents.all()) {
      if (d.uri === except) continue;
      const p = fsPathOf(d.uri);
      if (p && p.startsWith(root + path.sep)) schedule(d.uri, false);
    }
  }

  function revalidateAll() {
    for (const d of documents.all()) schedule(d.uri, true);
  }

  function isDatasetControlFile(p: string | undefined): boolean {
    if (!p) return false;
    return path.basename(p) === CONFIG_FILE || /[\\/]registries[\\/][^\\/]+\.ya?ml$/.test(p);
  }

  documents.onDidOpen((e) => schedule(e.document.uri, true));
  documents.onDidChangeContent((e) => {
    const p = fsPathOf(e.document.uri);
    if (isDatasetControlFile(p)) {
      const root = findDatasetRoot(path.dirname(p!));
      if (root) {
        workspace.invalidate(root);
        revalidateOthers(root, e.document.uri);
      }
    }
    schedule(e.document.uri, false);
  });
  documents.onDidClose((e) => {
    lastCheckMs.delete(e.document.uri);
    const uri = e.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    states.delete(uri);
    firstParts.delete(uri);
    settingsCache.delete(uri);
    connection.sendDiagnostics({ uri, diagnostics: [] });
    // The saved file on disk is the truth again for the index.
    const p = fsPathOf(uri);
    const root = p ? findDatasetRoot(path.dirname(p)) : undefined;
    if (p && root) {
      void workspace.get(root).then(async (ds) => {
        ds.open.delete(p);
        if (await workspace.refreshFromDisk(ds, p)) revalidateOthers(root);
      });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    if (!hasConfigurationCapability) {
      const s = (change.settings as { haulcheck?: Partial<Settings> } | undefined)?.haulcheck;
      globalSettings = withDefaults(s);
    }
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    const touched = new Set<string>();
    for (const c of params.changes) {
      const p = fsPathOf(c.uri);
      if (!p) continue;
      const root = findDatasetRoot(path.dirname(p));
      if (!root) continue;
      if (isDatasetControlFile(p)) {
        workspace.invalidate(root);
        touched.add(root);
        continue;
      }
      if (!workspace.roots().includes(root)) continue;
      const ds = await workspace.get(root);
      if (ds.open.has(p)) continue; // the editor's text wins while the file is open
      const changed =
        c.type === FileChangeType.Deleted
          ? (ds.index.delete(relPath(root, p)), true)
          : await workspace.refreshFromDisk(ds, p);
      if (changed) touched.add(root);
    }
    for (const root of touched) revalidateOthers(root);
  });

  registerFeatures(
    {
      connection,
      document: (uri) => documents.get(uri),
      allDocuments: () => documents.all(),
      parsed: (doc) => stateOf(doc).file,
      findings(doc, ctx) {
        const st = stateOf(doc);
        if (!st.findings && ctx.kind) {
          // the check of this version has not run yet (or was dropped as stale): run it once, here
          if (ctx.ds && ctx.file && ctx.kind === 'event') workspace.update(ctx.ds, ctx.file, st.file);
          st.findings = checkParsed(st.file, ctx.kind, ctx.options);
        }
        return st.findings ?? [];
      },
      async context(doc): Promise<DocContext> {
        const settings = await getSettings(doc.uri);
        const { kind, ds, file } = await resolve(doc);
        return { kind, ds, file, options: checkOptions(ds, file, settings) };
      },
      inlaySettings: async (uri) => (await getSettings(uri)).inlayHints,
      fsPathOf,
      async datasetRootFor(folder) {
        for (const f of [folder, ...workspaceFolders]) {
          if (!f) continue;
          const r = findDatasetRoot(f);
          if (r) return r;
        }
        return workspace.roots()[0];
      },
      readText: (file) => readText(file).catch(() => undefined),
    },
    () => hasSnippetCapability,
    () => canRenameFiles,
  );
  registerOverview(connection, documents, () => workspaceFolders, log);

  documents.listen(connection);
  connection.listen();
}
