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
import { EditTracker, leadingPart } from './edits';
import { CONFIG_FILE, type EventFacts, classify, type FileKind, type Finding, type ParseOptions, type ParsedFile, checkParsed, extractFactsSteps, kindFromModeline, parseFile, resolveConfig } from '../core';
import { toDiagnostic } from './convert';
import type { NodeHost } from './node-host';
import type { ServerHost } from './host';
import { EDITOR_MAX_PROBLEMS, EDITOR_PARSE, checkSliced, editorFindings, parseSliced, reducedReason, runSliced, useSliceTurn, willBeReduced } from './large';
import { type DocContext, FIX_ALL_KIND, NEW_EVENT_COMMAND, registerFeatures } from './features';
import { EXTRACT_COMMANDS } from './extract';
import { registerOverview } from './overview';
import { DatasetProblems, type DiagnosticMode } from './problems';
import { type DatasetStatus, type StatusReport, statusNotification, throttled } from './status';
import { type DatasetState, type IndexProgress, Workspace } from './workspace';

export interface Settings {
  enable: boolean;
  /** Problems of every dataset file (`workspace`), or of the open files only. */
  diagnosticMode: DiagnosticMode;
  debounceMs: number;
  rules: Record<string, unknown>;
  inlayHints: { unitMass: boolean; weekday: boolean };
}

/** The shortest wait after a change before a check (see lastCheckMs). */
export const MIN_DEBOUNCE_MS = 10;

export const DEFAULT_SETTINGS: Settings = { enable: true, diagnosticMode: 'workspace', debounceMs: 30, rules: {}, inlayHints: { unitMass: true, weekday: true } };

function withDefaults(v: Partial<Settings> | null | undefined): Settings {
  const s = { ...DEFAULT_SETTINGS, ...(v ?? {}), inlayHints: { ...DEFAULT_SETTINGS.inlayHints, ...(v?.inlayHints ?? {}) } };
  if (s.diagnosticMode !== 'openFilesOnly') s.diagnosticMode = 'workspace';
  return s;
}

interface DocState {
  version: number;
  file: ParsedFile;
  /** The findings of this version, once checked (shared by diagnostics and code actions). */
  findings?: Finding[];
}

/** Texts from this many characters on are parsed and checked in slices (see large.ts). */
const SLICED_ABOVE = 256 * 1024;

export const SERVER_NAME = 'haulcheck-language-server';
export const SERVER_VERSION = '0.1.0';

/**
 * Serves `connection` where `host` says files are (Node: node-host.ts; a browser: browser-host.ts).
 */
export function startServer(connection: Connection, host: ServerHost | NodeHost): void {
  const { files } = host;
  const { names } = files;
  if (host.sliceTurn) useSliceTurn(() => host.sliceTurn!());
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
  if ('useLog' in host) host.useLog(log);

  /** The file of a document (undefined: one the host cannot read, as an untitled document). */
  const fsPathOf = (uri: string): string | undefined => names.ofUri(uri);
  const relPath = (root: string, file: string) => names.relative(root, file);
  const fileUri = (file: string) => names.uri(file);

  const workspace = new Workspace(
    host,
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
  );
  /** Whether the client wants `haulcheck/status` (initializationOptions.statusNotifications). */
  let wantsStatus = false;
  /** Checks of open documents waiting for their turn or running: the background work waits for them. */
  let checksRunning = 0;
  /** The open documents' files (file → URI). */
  const openFiles = new Map<string, string>();
  /** Indexing progress of each dataset being loaded. */
  const indexing = new Map<string, { done: number; total: number }>();

  const problems = new DatasetProblems({
    workspace,
    files,
    nextTurn: () => host.nextTurn(),
    publish: (uri, diagnostics) => connection.sendDiagnostics({ uri, diagnostics }),
    log,
    isOpen: (file) => openFiles.has(file),
    settings: (root) => getSettings(fileUri(root)),
    busy: editing,
    changed: () => status.changed(),
  });
  workspace.setPass({
    job: (root) => problems.jobFor(root),
    message: (root, m) => problems.fromIndexer(root, m),
    stopped: (root) => problems.passStopped(root),
  });

  const status = throttled(() => {
    if (!wantsStatus) return;
    const roots = new Set([...workspace.roots(), ...problems.datasets()]);
    const report: StatusReport = { datasets: [...roots].map(datasetStatus) };
    void connection.sendNotification(statusNotification, report);
  });

  function datasetStatus(root: string): DatasetStatus {
    const ds = workspace.loaded(root);
    const p = problems.progress(root);
    const idx = indexing.get(root);
    const state = !ds ? 'indexing' : p.checking ? 'checking' : 'ready';
    return {
      root,
      uri: fileUri(root),
      state,
      indexed: idx?.done,
      total: idx?.total,
      events: ds?.index.size ?? 0,
      workspaceProblems: p.active,
      files: p.files,
      checked: p.checked,
      errors: p.errors,
      warnings: p.warnings,
      infos: p.infos,
    };
  }

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
    if ('useStorage' in host) host.useStorage(typeof dir === 'string' ? dir : undefined);
    wantsStatus = (init as { statusNotifications?: unknown } | undefined)?.statusNotifications === true;
    const heap = (init as { indexHeapMb?: unknown } | undefined)?.indexHeapMb;
    if ('useIndexHeap' in host) host.useIndexHeap(typeof heap === 'number' && Number.isInteger(heap) && heap > 0 ? heap : undefined);
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
        executeCommandProvider: { commands: [NEW_EVENT_COMMAND, ...EXTRACT_COMMANDS] },
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
    log(`${SERVER_NAME} ${SERVER_VERSION} ready (${host.platform})`);
    // Index the datasets at the workspace roots up front, with progress shown in the editor.
    for (const folder of workspaceFolders) {
      void files.findRoot(folder).then((root) => {
        if (root) void indexWithProgress(root);
      });
    }
  });

  async function indexWithProgress(root: string): Promise<DatasetState> {
    const ready = workspace.loaded(root);
    if (ready) return ready;
    if (workspace.roots().includes(root)) return workspace.get(root); // being read already
    const reporter = hasProgressCapability ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    // The editor's progress, and the status item's count of files read.
    const progress: IndexProgress = {
      begin: (title, total) => {
        indexing.set(root, { done: 0, total });
        status.changed();
        reporter?.begin(title, 0, `0/${total} files`, false);
      },
      report: (done, total) => {
        indexing.set(root, { done, total });
        status.changed();
        reporter?.report(Math.round((done / Math.max(1, total)) * 100), `${done}/${total} files`);
      },
      // (The workspace logs what was indexed.)
      done: () => {
        indexing.delete(root);
        status.changed();
        reporter?.done();
      },
    };
    const loading = workspace.get(root, progress);
    status.changed();
    return loading;
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

  /**
   * The parse of a document version for its check: a large text is parsed in slices, the server
   * answering between them, and given up (undefined) when a newer version arrives.
   */
  async function parsedForCheck(doc: TextDocument, isCurrent: () => boolean): Promise<DocState | undefined> {
    const st = states.get(doc.uri);
    if ((st && st.version === doc.version) || doc.getText().length < SLICED_ABOVE) return stateOf(doc);
    const { uri, version } = doc;
    // The previous parse is given to this one, which moves its reused documents: it is not used again.
    states.delete(uri);
    const input = parseInput(doc, st);
    const file = await parseSliced(doc.getText(), input.previous, isCurrent, input.options);
    if (!file) return undefined;
    const fresh = states.get(uri)?.version === version ? states.get(uri)! : { version, file };
    states.set(uri, fresh);
    return fresh;
  }

  /**
   * What a new version is parsed from: the previous parse (or the first part of a long stream just
   * shown), told what the changes since then left alone, so that it looks at nothing else (no scan
   * of the whole text).
   */
  function parseInput(doc: TextDocument, st: DocState | undefined): { previous?: ParsedFile; options: ParseOptions } {
    const unchanged = edits.unchangedSince(doc, st?.version);
    const first = st ? undefined : firstParts.get(doc.uri);
    firstParts.delete(doc.uri);
    if (first?.version === doc.version) return { previous: first.file, options: { ...EDITOR_PARSE, unchanged: { prefix: first.head, suffix: 0 } } };
    return { previous: st?.file, options: { ...EDITOR_PARSE, ...(unchanged ? { unchanged } : {}) } };
  }

  /** Parse once per document version; every feature shares the result. */
  function stateOf(doc: TextDocument): DocState {
    let st = states.get(doc.uri);
    if (!st || st.version !== doc.version) {
      // The previous version's unchanged documents are reused (a one-character edit in a long
      // multi-document file re-reads one document); the previous parse is not used afterwards.
      const input = parseInput(doc, st);
      st = { version: doc.version, file: parseFile(doc.getText(), input.previous, input.options) };
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
    const root = p ? await files.findRoot(names.dirname(p)) : undefined;
    if (root && p) {
      const ds = await indexWithProgress(root);
      return { kind: files.kindOf(ds.dataset, p, doc.getText()), ds, file: p };
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

  /** Whether an edit waits for its check (its debounce) or a check runs: background work waits then. */
  function editing(): boolean {
    return timers.size > 0 || checksRunning > 0;
  }

  /** Tells the indexing threads whether an edit waits (they pause their reading and checking for it). */
  function editingChanged(): void {
    workspace.setEditing(editing());
  }

  async function validate(uri: string): Promise<void> {
    checksRunning++;
    editingChanged();
    try {
      await check(uri);
    } finally {
      checksRunning--;
      editingChanged();
    }
  }

  async function check(uri: string): Promise<void> {
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
    // The latest check of a document is the one that counts: an older one still running (a large
    // file checked in slices, asked again by another file's edit) gives up at its next slice.
    const token = {};
    latestCheck.set(uri, token);
    const isCurrent = () => documents.get(uri)?.version === version && latestCheck.get(uri) === token;
    const st = await parsedForCheck(current, isCurrent);
    if (!st || !isCurrent()) return;
    const reduced = reducedReason(st.file.text, st.file);
    let related = false;
    let before: readonly EventFacts[] = [];
    // A file checked in the reduced mode takes part in the dataset's checks with its saved version.
    if (ds && file && kind === 'event' && !reduced) {
      ds.open.add(file);
      before = ds.index.get(relPath(ds.root, file)) ?? [];
      // A long stream's facts are read in slices first (kept with the parse, which update reads).
      if (st.file.text.length >= SLICED_ABOVE && !(await runSliced(extractFactsSteps(relPath(ds.root, file), st.file), isCurrent))) return;
      related = workspace.update(ds, file, st.file);
    }
    let findings: Finding[];
    if (reduced || st.file.text.length >= SLICED_ABOVE) {
      // Long work in slices: other files' edits and requests are answered between them.
      const checked = await checkSliced(st.file, kind, checkOptions(ds, file, settings), isCurrent);
      if (!checked) return;
      findings = checked.findings;
    } else {
      const all = checkParsed(st.file, kind, checkOptions(ds, file, settings));
      findings = all.length > EDITOR_MAX_PROBLEMS ? editorFindings(st.file, all, undefined, undefined) : all;
    }
    st.findings = findings;
    const ms = performance.now() - t0;
    lastCheckMs.set(uri, ms);
    if (ms > 200) log(`checked ${uri} v${version} in ${ms.toFixed(0)} ms (${findings.length} findings)`);
    // This document's facts changed: dataset-wide findings of the other files may have too.
    if (related && ds && file) {
      revalidateOthers(ds.root, uri);
      problems.related(ds, before, ds.index.get(relPath(ds.root, file)) ?? []);
    }
    // Input that arrived meanwhile (a burst of changes split over several reads) is read first: a
    // newer version publishes instead of this one.
    await host.nextTurn();
    if (documents.get(uri)?.version !== version) return;
    connection.sendDiagnostics({ uri, version, diagnostics: findings.map((f) => toDiagnostic(f, uri)) });
    if (ds && file) problems.openChecked(ds.root, file, uri, findings);
  }

  /** The latest check started of each document (see isCurrent in validate). */
  const latestCheck = new Map<string, object>();

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
    // A stream the editor checks in the reduced mode shows its problems once, when they are all read.
    if (head === undefined || willBeReduced(text)) return;
    const p = fsPathOf(doc.uri);
    const root = p ? await files.findRoot(names.dirname(p)) : undefined;
    const live = (f: string) => documents.all().find((d) => fsPathOf(d.uri) === f)?.getText();
    const dataset = root ? await files.load(root, live) : undefined;
    const kind = dataset && p ? files.kindOf(dataset, p, text) : kindFromModeline(text);
    if (!kind || documents.get(doc.uri)?.version !== doc.version) return;
    const first = parseFile(text.slice(0, head));
    const config = dataset && (Object.keys(settings.rules).length ? resolveConfig(dataset.rawConfig, settings.rules) : dataset.config);
    const findings = editorFindings(first, checkParsed(first, kind, { config, dataset: dataset?.context, path: root && p ? relPath(root, p) : undefined }), undefined, undefined);
    connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: findings.map((f) => toDiagnostic(f, doc.uri)) });
    firstParts.set(doc.uri, { version: doc.version, file: first, head });
    await host.nextTurn(); // sent before the rest is read
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
      editingChanged();
    });
  }

  function revalidateOthers(root: string, except?: string) {
    for (const d of documents.all()) {
      if (d.uri === except) continue;
      const p = fsPathOf(d.uri);
      if (p && names.inside(root, p)) schedule(d.uri, false);
    }
  }

  function revalidateAll() {
    for (const d of documents.all()) schedule(d.uri, true);
  }

  function isDatasetControlFile(p: string | undefined): boolean {
    if (!p) return false;
    return names.basename(p) === CONFIG_FILE || /[\\/]registries[\\/][^\\/]+\.ya?ml$/.test(p);
  }

  /** A dataset's config or registries changed: read it again (its open files at once, the rest in the background). */
  function datasetChanged(root: string, except?: string) {
    workspace.invalidate(root);
    revalidateOthers(root, except);
    problems.reload(root);
    status.changed();
  }

  /** The version each document was opened at: the change event that comes with the opening needs no second check. */
  const openedAt = new Map<string, number>();
  documents.onDidOpen((e) => {
    openedAt.set(e.document.uri, e.document.version);
    const p = fsPathOf(e.document.uri);
    if (p) {
      openFiles.set(p, e.document.uri);
      problems.opened(p, e.document.uri);
      workspace.fileOpened(p);
    }
    schedule(e.document.uri, true);
  });
  documents.onDidChangeContent((e) => {
    const p = fsPathOf(e.document.uri);
    if (isDatasetControlFile(p)) {
      void files.findRoot(names.dirname(p!)).then((root) => {
        if (root) datasetChanged(root, e.document.uri);
      });
    }
    const opened = openedAt.get(e.document.uri);
    openedAt.delete(e.document.uri);
    if (opened === e.document.version) return; // checked as it opened
    schedule(e.document.uri, false);
  });
  documents.onDidClose((e) => {
    lastCheckMs.delete(e.document.uri);
    latestCheck.delete(e.document.uri);
    openedAt.delete(e.document.uri);
    const uri = e.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    editingChanged();
    states.delete(uri);
    firstParts.delete(uri);
    settingsCache.delete(uri);
    const p = fsPathOf(uri);
    if (p && openFiles.get(p) === uri) openFiles.delete(p);
    void closed(uri, p);
  });

  async function closed(uri: string, p: string | undefined): Promise<void> {
    const root = p ? await files.findRoot(names.dirname(p)) : undefined;
    // In workspace mode what the editor showed stays until the saved text is checked.
    if (!p || !problems.closed(root, p, uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
    // The saved file on disk is the truth again for the index.
    if (p && root) {
      const ds = await workspace.get(root);
      ds.open.delete(p);
      await refreshClosed(ds, p);
    }
  }

  /**
   * Reads a closed file of a loaded dataset again from disk (closed in the editor, changed, created
   * or deleted outside it) into the index; the files its facts reach are checked again.
   */
  async function refreshClosed(ds: DatasetState, file: string, deleted = false): Promise<void> {
    const rel = relPath(ds.root, file);
    const before = ds.index.get(rel) ?? [];
    let changed: boolean;
    if (deleted) {
      changed = ds.index.has(rel);
      ds.index.delete(rel);
      problems.deleted(file);
    } else {
      changed = await workspace.refreshFromDisk(ds, file);
      problems.changedOnDisk(ds.root, file);
    }
    if (!changed) return;
    revalidateOthers(ds.root);
    problems.related(ds, before, ds.index.get(rel) ?? []);
    status.changed();
  }

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    if (!hasConfigurationCapability) {
      const s = (change.settings as { haulcheck?: Partial<Settings> } | undefined)?.haulcheck;
      globalSettings = withDefaults(s);
    }
    revalidateAll();
    void problems.settingsChanged();
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    const reread = new Set<string>();
    for (const c of params.changes) {
      const p = fsPathOf(c.uri);
      if (!p) continue;
      if (names.basename(p) === CONFIG_FILE) files.changed?.(p);
      const root = await files.findRoot(names.dirname(p));
      if (!root) continue;
      if (isDatasetControlFile(p)) {
        // A new haulcheck.yaml (Create Dataset, a clone) makes a new dataset: index it and pass over it.
        if (c.type === FileChangeType.Created && names.basename(p) === CONFIG_FILE && !workspace.roots().includes(root)) void indexWithProgress(root);
        else reread.add(root);
        continue;
      }
      if (!workspace.roots().includes(root)) continue;
      const ds = await workspace.get(root);
      if (ds.open.has(p)) continue; // the editor's text wins while the file is open
      await refreshClosed(ds, p, c.type === FileChangeType.Deleted);
    }
    for (const root of reread) datasetChanged(root);
  });

  registerFeatures(
    {
      connection,
      document: (uri) => documents.get(uri),
      allDocuments: () => documents.all(),
      parsed: (doc) => stateOf(doc).file,
      findings(doc, ctx) {
        const st = stateOf(doc);
        // A large file's problems come from its sliced check; a request never runs the whole check itself.
        if (!st.findings && ctx.kind && st.file.text.length < SLICED_ABOVE) {
          // the check of this version has not run yet (or was dropped as stale): run it once, here
          if (ctx.ds && ctx.file && ctx.kind === 'event') {
            const rel = relPath(ctx.ds.root, ctx.file);
            const before = ctx.ds.index.get(rel) ?? [];
            if (workspace.update(ctx.ds, ctx.file, st.file)) problems.related(ctx.ds, before, ctx.ds.index.get(rel) ?? []);
          }
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
      files,
      async datasetRootFor(folder) {
        for (const f of [folder, ...workspaceFolders]) {
          if (!f) continue;
          const r = await files.findRoot(f);
          if (r) return r;
        }
        return workspace.roots()[0];
      },
      readText: (file) => files.readText(file).catch(() => undefined),
      kindOfPath: async (root, rel) => classify((await indexWithProgress(root)).dataset.config, rel),
    },
    () => hasSnippetCapability,
    () => canRenameFiles,
  );
  registerOverview(connection, documents, () => workspaceFolders, log, host);

  documents.listen(connection);
  connection.listen();
}

