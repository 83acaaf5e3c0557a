/**
 * The language server: a thin adapter from LSP to the core. It keeps one parse per document
 * version, debounces checks, drops stale runs, and reads datasets through the node shell.
 */
import {
  type Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type Hover,
  type InitializeResult,
  MarkupKind,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import {
  CONFIG_FILE,
  type FileKind,
  type ParsedFile,
  checkParsed,
  kindFromModeline,
  parseFile,
  schemaHover,
} from '../core';
import { type LoadedDataset, findDatasetRoot, kindOf, loadDataset } from '../node/dataset';
import { toDiagnostic } from './convert';

export interface Settings {
  enable: boolean;
  debounceMs: number;
  rules: Record<string, unknown>;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, debounceMs: 30, rules: {} };

interface DocState {
  version: number;
  file: ParsedFile;
}

export interface ServerOptions {
  /** Logs go to the client's output channel through the connection's console. */
  log?: (message: string) => void;
}

export const SERVER_NAME = 'haulcheck-language-server';
export const SERVER_VERSION = '0.1.0';

export function startServer(connection: Connection, _options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocState>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const datasets = new Map<string, Promise<LoadedDataset>>();
  const settingsCache = new Map<string, Promise<Settings>>();
  let hasConfigurationCapability = false;
  let hasWatchedFilesCapability = false;
  let globalSettings: Settings = DEFAULT_SETTINGS;

  const log = (m: string) => connection.console.log(`[${new Date().toISOString().slice(11, 23)}] ${m}`);

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    hasConfigurationCapability = !!caps.workspace?.configuration;
    hasWatchedFilesCapability = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    const init = params.initializationOptions as Partial<Settings> | undefined;
    if (init) globalSettings = { ...DEFAULT_SETTINGS, ...init };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
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
          { globPattern: `**/${CONFIG_FILE}`, kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete },
          { globPattern: '**/registries/*.{yaml,yml}', kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete },
        ],
      });
    }
    log(`${SERVER_NAME} ${SERVER_VERSION} ready (node ${process.version})`);
  });

  function fsPathOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }

  function getSettings(uri: string): Promise<Settings> {
    if (!hasConfigurationCapability) return Promise.resolve(globalSettings);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'haulcheck' })
        .then((v: Partial<Settings> | null) => ({ ...DEFAULT_SETTINGS, ...(v ?? {}) }))
        .catch(() => DEFAULT_SETTINGS);
      settingsCache.set(uri, s);
    }
    return s;
  }

  /** Text of open documents, so the dataset sees unsaved edits to its config and registries. */
  function liveTexts(): Map<string, string> {
    const m = new Map<string, string>();
    for (const d of documents.all()) {
      const p = fsPathOf(d.uri);
      if (p) m.set(p, d.getText());
    }
    return m;
  }

  function datasetFor(root: string, settings: Settings): Promise<LoadedDataset> {
    const key = `${root}\0${JSON.stringify(settings.rules)}`;
    let ds = datasets.get(key);
    if (!ds) {
      ds = loadDataset(root, settings.rules, liveTexts());
      ds.then(
        (d) => log(`dataset ${d.root}: ${d.hasConfig ? CONFIG_FILE : 'defaults'}, ${d.context.registries?.drugs.size ?? 0} drugs, ${d.context.registries?.agencies.size ?? 0} agencies`),
        (e) => log(`dataset ${root} failed to load: ${String(e)}`),
      );
      datasets.set(key, ds);
    }
    return ds;
  }

  function invalidateDatasets(root?: string) {
    for (const k of [...datasets.keys()]) if (!root || k.startsWith(root + '\0')) datasets.delete(k);
  }

  /** Parse once per document version; every feature shares the result. */
  function stateOf(doc: TextDocument): DocState {
    let st = states.get(doc.uri);
    if (!st || st.version !== doc.version) {
      st = { version: doc.version, file: parseFile(doc.getText()) };
      states.set(doc.uri, st);
    }
    return st;
  }

  async function resolveKind(doc: TextDocument, settings: Settings): Promise<{ kind?: FileKind; ds?: LoadedDataset }> {
    const p = fsPathOf(doc.uri);
    const root = p ? findDatasetRoot(path.dirname(p)) : undefined;
    if (root && p) {
      const ds = await datasetFor(root, settings);
      return { kind: kindOf(ds, p, doc.getText(), false), ds };
    }
    return { kind: kindFromModeline(doc.getText()) };
  }

  async function validate(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const settings = await getSettings(uri);
    if (!settings.enable) {
      connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const { kind, ds } = await resolveKind(doc, settings);
    const current = documents.get(uri);
    if (!current || current.version !== version) return; // a newer version is on its way
    if (!kind) {
      connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const t0 = performance.now();
    const st = stateOf(current);
    const findings = checkParsed(st.file, kind, { config: ds?.config, dataset: ds?.context });
    connection.sendDiagnostics({ uri, version, diagnostics: findings.map(toDiagnostic) });
    const ms = performance.now() - t0;
    if (ms > 200) log(`checked ${uri} v${version} in ${ms.toFixed(0)} ms (${findings.length} findings)`);
  }

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
      timers.set(uri, setTimeout(run, Math.max(0, s.debounceMs)));
    });
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
      invalidateDatasets(root);
      for (const d of documents.all()) if (d.uri !== e.document.uri) schedule(d.uri, false);
    }
    schedule(e.document.uri, false);
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    states.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    if (!hasConfigurationCapability) {
      const s = (change.settings as { haulcheck?: Partial<Settings> } | undefined)?.haulcheck;
      globalSettings = { ...DEFAULT_SETTINGS, ...(s ?? {}) };
    }
    invalidateDatasets();
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    let changed = false;
    for (const c of params.changes) {
      const p = fsPathOf(c.uri);
      if (isDatasetControlFile(p)) {
        invalidateDatasets(findDatasetRoot(path.dirname(p!)) ?? path.dirname(p!));
        changed = true;
      }
    }
    if (changed) revalidateAll();
  });

  connection.onHover(async (params): Promise<Hover | null> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const settings = await getSettings(doc.uri);
    const { kind } = await resolveKind(doc, settings);
    if (!kind) return null;
    const st = stateOf(doc);
    const h = schemaHover(st.file, kind, doc.offsetAt(params.position));
    if (!h) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: h.markdown },
      range: { start: doc.positionAt(h.start), end: doc.positionAt(h.end) },
    };
  });

  documents.listen(connection);
  connection.listen();
}
