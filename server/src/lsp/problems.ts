/**
 * Every problem of a dataset, not only the open files': the findings of the files that are not
 * open in the editor are pushed with publishDiagnostics, and kept current as files change on disk
 * and as edits change what the dataset-wide rules see (docs/editor.md says why push rather than
 * workspace pull diagnostics).
 *
 * - The pass over every file runs in the indexing thread once the index is complete
 *   (index-worker.ts): its garbage goes with that thread, and the server's own thread stays free
 *   for the editor. Its findings arrive in batches; a file that the server checked itself meanwhile
 *   (a change reached it) keeps the server's newer findings.
 * - Afterwards the few files a change reaches (a file changed on disk, closed in the editor, or an
 *   event whose facts changed and the events it shares an id, a URL or a few days with) are checked on
 *   the server's thread in short slices, and only while no edit waits for its check.
 *
 * Nothing is kept per file but what was published (to say nothing twice, and to clear it later).
 */
import type { Diagnostic } from 'vscode-languageserver';
import { checkForEditor } from './large';
import { type EventFacts, type Finding, duplicateWindowDays, filesRelatedTo } from '../core';
import { toDiagnostic } from './convert';
import type { DatasetFiles } from './host';
import { type IndexJob, type IndexMessage, unreadableFileFinding } from './indexing';
import type { DatasetState } from './workspace';

/** `workspace`: every dataset file's problems; `openFilesOnly`: those of the open files. */
export type DiagnosticMode = 'workspace' | 'openFilesOnly';

export interface ProblemSettings {
  enable: boolean;
  diagnosticMode: DiagnosticMode;
  rules: Record<string, unknown>;
}

/** What the problems need of the workspace (lsp/workspace.ts). */
export interface ProblemsWorkspace {
  loaded(root: string): DatasetState | undefined;
  get(root: string): Promise<DatasetState>;
  invalidate(root: string): void;
  configFor(ds: DatasetState, rules: Record<string, unknown>): DatasetState['dataset']['config'];
}

export interface ProblemsDeps {
  workspace: ProblemsWorkspace;
  /** How files are named and read (the host's). */
  files: DatasetFiles;
  /** Resolves once the input that arrived meanwhile is read. */
  nextTurn(): Promise<void>;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  log(message: string): void;
  /** Whether a file is open in the editor: then its problems come from the editor's text. */
  isOpen(file: string): boolean;
  settings(root: string): Promise<ProblemSettings>;
  /** True while an edit waits for its check: the background work waits too. */
  busy(): boolean;
  /** A dataset's counts or progress changed. */
  changed(root: string): void;
}

/** Counts of findings by severity. */
export interface Tally {
  errors: number;
  warnings: number;
  infos: number;
}

export interface DatasetProgress extends Tally {
  /** Whether the files that are not open are checked (workspace mode, enabled). */
  active: boolean;
  /** Dataset files of the last pass, and how many of them are checked. */
  files: number;
  checked: number;
  /** Whether checks are under way or waiting (the pass, or files a change reached). */
  checking: boolean;
}

/** Longest stretch of background work on the server's thread before it reads its messages again. */
const SLICE_MS = 8;
/** How soon to look again while an edit waits for its check (or the dataset is being read again). */
const RETRY_MS = 10;
/** Wait after a change to a dataset's config or registries before reading it again (typing in haulcheck.yaml). */
const RELOAD_DELAY_MS = 300;

interface Shown extends Tally {
  root: string;
  uri: string;
  /** The diagnostics as sent (JSON), '' for none; undefined when not known (an open file's, a file just closed). */
  sent?: string;
}

interface RootState {
  /** Settings of the last pass, as a string (a change of them starts a new pass). */
  settings: string;
  active: boolean;
  rules: Record<string, unknown>;
  /** The pass in the indexing thread: files, files checked, whether it is running. */
  files: number;
  checked: number;
  passing: boolean;
  /** Files the pass has sent, and files checked here since it began (their findings are newer). */
  seen: Set<string>;
  fresh: Set<string>;
}

function tally(findings: readonly Finding[]): Tally {
  const t = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') t.errors++;
    else if (f.severity === 'warning') t.warnings++;
    else t.infos++;
  }
  return t;
}

const settingsKey = (s: ProblemSettings) => JSON.stringify([s.enable, s.diagnosticMode, s.rules]);

export class DatasetProblems {
  /** What is shown for each file, closed or open, with its counts. */
  private readonly shown = new Map<string, Shown>();
  private readonly roots = new Map<string, RootState>();
  /** Files to check on this thread, by file → dataset root. */
  private readonly queue = new Map<string, string>();
  /** The indexing threads' messages not yet taken in (they wait, too, while an edit waits for its check). */
  private readonly incoming: { root: string; m: IndexMessage }[] = [];
  private scheduled = false;
  /** A check waiting for its file's text (a host that reads with promises): the pump waits for it. */
  private reading = false;
  private readonly reloads = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly deps: ProblemsDeps) {}

  /** The datasets seen so far. */
  datasets(): string[] {
    return [...this.roots.keys()];
  }

  /** Progress and counts of a dataset (closed and open files together). */
  progress(root: string): DatasetProgress {
    const st = this.roots.get(root);
    const checking = !!st?.active && (st.passing || [...this.queue.values()].includes(root));
    const t: DatasetProgress = { active: !!st?.active, files: st?.files ?? 0, checked: st?.checked ?? 0, checking, errors: 0, warnings: 0, infos: 0 };
    for (const p of this.shown.values()) {
      if (p.root !== root) continue;
      t.errors += p.errors;
      t.warnings += p.warnings;
      t.infos += p.infos;
    }
    return t;
  }

  /**
   * A dataset is about to be indexed: what its indexing thread should check once the index is
   * complete (every file, with the editor's rule settings), or undefined (open files only, disabled).
   */
  async jobFor(root: string): Promise<IndexJob['check']> {
    const s = await this.deps.settings(root);
    const active = s.enable && s.diagnosticMode === 'workspace';
    const old = this.roots.get(root);
    this.roots.set(root, {
      settings: settingsKey(s),
      active,
      rules: s.rules,
      files: old?.files ?? 0,
      checked: old?.checked ?? 0,
      passing: active,
      seen: new Set(),
      fresh: new Set(),
    });
    if (!active) this.clearClosed(root);
    this.deps.changed(root);
    return active ? { rules: s.rules } : undefined;
  }

  /** What the indexing thread says once the index is complete (the messages of its pass), taken in soon. */
  fromIndexer(root: string, m: IndexMessage): void {
    this.incoming.push({ root, m });
    this.schedule(0);
  }

  private takeIn(root: string, m: IndexMessage): void {
    const st = this.roots.get(root);
    if (!st?.active) return;
    if (m.type === 'checking') {
      st.files = m.total;
      st.checked = 0;
      st.passing = true;
    } else if (m.type === 'problems') {
      for (const [file, findings] of m.files) {
        st.checked++;
        st.seen.add(file);
        if (this.deps.isOpen(file) || st.fresh.has(file)) continue;
        this.show(root, file, findings);
      }
    } else if (m.type === 'checked') {
      // Files that left the dataset (its globs changed) take their problems with them.
      for (const [file, p] of this.shown) if (p.root === root && !st.seen.has(file) && !st.fresh.has(file) && !this.deps.isOpen(file)) this.clear(file);
      st.checked = st.files;
      st.passing = false;
      st.seen = new Set();
    }
    this.deps.changed(root);
  }

  /** An indexing thread stopped before its pass was done (the dataset is read again, or it failed). */
  passStopped(root: string): void {
    // What it sent and was not taken in yet says nothing about the dataset any more.
    for (let i = this.incoming.length - 1; i >= 0; i--) if (this.incoming[i].root === root) this.incoming.splice(i, 1);
    const st = this.roots.get(root);
    if (st) st.passing = false;
    this.deps.changed(root);
  }

  /**
   * The settings changed. A dataset whose mode, enablement or rule severities changed is read and
   * passed over again (or its closed files' problems cleared); other changes leave it as it is.
   */
  async settingsChanged(): Promise<void> {
    for (const [root, st] of this.roots) {
      const s = await this.deps.settings(root);
      if (settingsKey(s) === st.settings) continue;
      if (!(s.enable && s.diagnosticMode === 'workspace')) {
        st.settings = settingsKey(s);
        st.active = false;
        st.passing = false;
        this.clearClosed(root);
        this.deps.changed(root);
        continue;
      }
      this.deps.workspace.invalidate(root);
      this.deps.workspace.get(root).catch(() => undefined);
    }
  }

  /** A dataset's config or registries changed: read it again soon (which passes over it again). */
  reload(root: string): void {
    clearTimeout(this.reloads.get(root));
    this.reloads.set(
      root,
      setTimeout(() => {
        this.reloads.delete(root);
        if (!this.roots.get(root)?.active || this.deps.workspace.loaded(root)) return;
        this.deps.workspace.get(root).catch(() => undefined);
      }, RELOAD_DELAY_MS),
    );
  }

  /**
   * An event's facts went from `before` to `after` (an edit, a change on disk): the closed files
   * whose dataset-wide findings may follow are checked again.
   */
  related(ds: DatasetState, before: readonly EventFacts[], after: readonly EventFacts[]): void {
    const st = this.roots.get(ds.root);
    if (!st?.active) return;
    const days = duplicateWindowDays(this.deps.workspace.configFor(ds, st.rules));
    for (const rel of filesRelatedTo(ds.index, [...before, ...after], days)) {
      const file = this.deps.files.names.resolve(ds.root, rel);
      if (!this.deps.isOpen(file)) this.enqueue(file, ds.root);
    }
  }

  /** A closed file changed on disk (or was created): check it again. */
  changedOnDisk(root: string, file: string): void {
    if (this.roots.get(root)?.active) this.enqueue(file, root);
  }

  /** A file was deleted: its problems go with it. */
  deleted(file: string): void {
    this.queue.delete(file);
    this.clear(file);
  }

  /** A file opened in the editor: the editor's text is checked from now on, under the editor's URI. */
  opened(file: string, uri: string): void {
    const p = this.shown.get(file);
    // The same file under another spelling of its URI: nothing may show twice.
    if (p && p.uri !== uri && p.sent) this.deps.publish(p.uri, []);
    this.shown.delete(file);
  }

  /** What the server published for an open file of a dataset (for the counts). */
  openChecked(root: string, file: string, uri: string, findings: readonly Finding[]): void {
    this.shown.set(file, { root, uri, ...tally(findings) });
    this.deps.changed(root);
  }

  /**
   * A file closed in the editor. Returns true when its problems stay shown until its text on disk
   * is checked (workspace mode), false when the caller should clear them.
   */
  closed(root: string | undefined, file: string, uri: string): boolean {
    if (!root || !this.roots.get(root)?.active) {
      if (this.shown.get(file)?.uri === uri) this.shown.delete(file);
      if (root) this.deps.changed(root);
      return false;
    }
    // What the editor showed stays until the check of the saved text replaces it.
    this.shown.set(file, { root, uri, errors: 0, warnings: 0, infos: 0, ...this.shown.get(file), sent: undefined });
    this.enqueue(file, root);
    return true;
  }

  private enqueue(file: string, root: string): void {
    this.queue.set(file, root);
    // Checked here once the indexing thread's pass is over: what it sends of this file is older.
    this.roots.get(root)?.fresh.add(file);
    this.deps.changed(root);
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.scheduled) return;
    this.scheduled = true;
    if (ms === 0) void this.deps.nextTurn().then(this.pump);
    else setTimeout(this.pump, ms);
  }

  private readonly pump = (): void => {
    this.scheduled = false;
    if (this.reading) return; // the check under way schedules the next pump
    if (this.queue.size === 0 && this.incoming.length === 0) return;
    if (this.deps.busy()) {
      this.schedule(RETRY_MS);
      return;
    }
    const touched = new Set<string>();
    const t0 = performance.now();
    while (this.incoming.length && performance.now() - t0 < SLICE_MS) {
      const { root, m } = this.incoming.shift()!;
      this.takeIn(root, m);
    }
    let waiting = false;
    for (const [file, root] of [...this.queue]) {
      if (performance.now() - t0 >= SLICE_MS) break;
      const st = this.roots.get(root);
      if (!st?.active) {
        this.queue.delete(file);
        continue;
      }
      // While the indexing thread passes over the dataset, this thread keeps to the editor.
      if (st.passing) {
        waiting = true;
        continue;
      }
      const ds = this.deps.workspace.loaded(root);
      if (!ds) {
        waiting = true; // being read again: checked once it is loaded
        continue;
      }
      this.queue.delete(file);
      touched.add(root);
      const reading = this.check(ds, st, file);
      if (reading) {
        // The text comes with a promise: the pump goes on once it is checked.
        this.reading = true;
        void reading.then(() => {
          this.reading = false;
          this.deps.changed(root);
          this.schedule(0);
        });
        break;
      }
    }
    for (const root of touched) this.deps.changed(root);
    if (this.reading) return;
    if (this.incoming.length > 0) this.schedule(0);
    else if (this.queue.size > 0) this.schedule(waiting && touched.size === 0 ? RETRY_MS : 0);
  };

  /**
   * Checks one closed file from disk, here, and publishes what changed; a promise when its text
   * comes with one (a browser's host).
   */
  private check(ds: DatasetState, st: RootState, file: string): Promise<void> | undefined {
    if (this.deps.isOpen(file)) return undefined; // the editor's text is checked by the editor's check
    st.fresh.add(file);
    const { files } = this.deps;
    if (files.readTextNow) {
      let text: string;
      try {
        text = files.readTextNow(file);
      } catch (err) {
        this.unreadable(ds, file, err);
        return undefined;
      }
      this.checkText(ds, st, file, text);
      return undefined;
    }
    return files.readText(file).then(
      (text) => {
        // Opened meanwhile: the editor's text is checked by the editor's check.
        if (!this.deps.isOpen(file)) this.checkText(ds, st, file, text);
      },
      (err: unknown) => this.unreadable(ds, file, err),
    );
  }

  /** Gone: nothing to show; there but unreadable (a folder, a FIFO, no permission): said on the file. */
  private unreadable(ds: DatasetState, file: string, err: unknown): void {
    const { files } = this.deps;
    if (files.isMissing(err)) this.clear(file);
    else this.show(ds.root, file, [unreadableFileFinding(files.names.relative(ds.root, file), files.unreadable(err))]);
  }

  private checkText(ds: DatasetState, st: RootState, file: string, text: string): void {
    try {
      const kind = this.deps.files.kindOf(ds.dataset, file, text);
      if (!kind) {
        this.clear(file);
        return;
      }
      // A large file gets the editor's reduced mode and cap, as an open one does.
      const findings = checkForEditor(text, kind, {
        config: this.deps.workspace.configFor(ds, st.rules),
        dataset: { ...ds.dataset.context, index: ds.index },
        path: this.deps.files.names.relative(ds.root, file),
      });
      this.show(ds.root, file, findings);
    } catch (e) {
      this.deps.log(`check of ${file} failed: ${e instanceof Error ? e.stack : String(e)}`);
    }
  }

  private show(root: string, file: string, findings: readonly Finding[]): void {
    const old = this.shown.get(file);
    const uri = old?.uri ?? this.deps.files.names.uri(file);
    const diagnostics = findings.map((f) => toDiagnostic(f, uri));
    const sent = diagnostics.length ? JSON.stringify(diagnostics) : '';
    if (old && old.sent === sent) return;
    if (!old && sent === '') return; // nothing shown, nothing to show
    this.deps.publish(uri, diagnostics);
    if (sent === '') this.shown.delete(file);
    else this.shown.set(file, { root, uri, sent, ...tally(findings) });
  }

  private clear(file: string): void {
    const p = this.shown.get(file);
    if (!p) return;
    this.shown.delete(file);
    if (p.sent !== '') this.deps.publish(p.uri, []);
    this.deps.changed(p.root);
  }

  /** Clears the problems shown for the closed files of a dataset (open files only, Haulcheck disabled). */
  private clearClosed(root: string): void {
    for (const [file, p] of this.shown) if (p.root === root && !this.deps.isOpen(file)) this.clear(file);
    for (const [file, r] of this.queue) if (r === root) this.queue.delete(file);
  }
}
