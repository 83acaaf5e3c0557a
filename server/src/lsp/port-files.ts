/**
 * The dataset read through a file-system port (the language server in a browser, which has no file
 * system: its client answers with the editor's, fs-protocol.ts). Found, loaded, listed and read as
 * node/dataset.ts does it on disk, with what the shells share (shell/dataset.ts), so that the same
 * files are the dataset and the same findings follow. What a port cannot tell, it does not pretend
 * to: symbolic links are followed as the editor's file system presents them (a link out of the
 * dataset cannot be told from a file in it), and a folder nested deeper than MAX_DEPTH is said and
 * not walked, which also ends any loop of links.
 */
import type { Connection } from 'vscode-languageserver';
import { CONFIG_FILE, type RegistryStatus, parseFile, resolveConfig } from '../core';
import { type Listing, type ListingProblem, type LoadedDataset, assembleDataset, datasetGlobs, globBases, keepEvents, kindIn } from '../shell/dataset';
import {
  FILE_TYPE,
  type FsErrorData,
  READ_DIRECTORY_REQUEST,
  READ_FILE_REQUEST,
  type ReadDirectoryResult,
  type ReadFileResult,
  STAT_REQUEST,
  type StatResult,
  type UriParams,
} from './fs-protocol';
import type { DatasetFiles, FileNames } from './host';

/** What the server asks of the editor's file system. */
export interface FilePort {
  /** The file's text; throws a PortError. */
  readFile(uri: string): Promise<string>;
  /** VS Code's FileType bits, or undefined when nothing is there (or it cannot be told). */
  stat(uri: string): Promise<number | undefined>;
  /** The folder's entries and their FileType bits; throws a PortError. */
  readDirectory(uri: string): Promise<[name: string, type: number][]>;
}

/** A request of the port that failed, with VS Code's FileSystemError code (FileNotFound, NoPermissions…). */
export class PortError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The port over the connection: requests to the client (client/src/fs-port.ts). */
export function clientPort(connection: Connection): FilePort {
  const failed = (err: unknown): never => {
    const e = err as { message?: string; data?: Partial<FsErrorData> };
    throw new PortError(typeof e?.data?.code === 'string' ? e.data.code : 'Unknown', e?.message ?? String(err));
  };
  return {
    readFile: (uri) => connection.sendRequest<ReadFileResult>(READ_FILE_REQUEST, { uri } satisfies UriParams).then((r) => r.text, failed),
    stat: (uri) =>
      connection.sendRequest<StatResult | null>(STAT_REQUEST, { uri } satisfies UriParams).then(
        (r) => r?.type,
        () => undefined,
      ),
    readDirectory: (uri) => connection.sendRequest<ReadDirectoryResult>(READ_DIRECTORY_REQUEST, { uri } satisfies UriParams).then((r) => r.entries, failed),
  };
}

/** Folders deeper than this under a glob's base are not walked (and said so). */
const MAX_DEPTH = 64;

const codeOf = (err: unknown) => (err instanceof PortError ? err.code : undefined);
const isFile = (type: number | undefined) => type !== undefined && (type & FILE_TYPE.File) !== 0;
const isFolder = (type: number | undefined) => type !== undefined && (type & FILE_TYPE.Directory) !== 0;
/** What a type is, in words, where a file was expected. */
const typeName = (type: number) => (isFolder(type) ? 'a folder' : type & FILE_TYPE.SymbolicLink ? 'a symbolic link to nothing' : 'not a file');

/** The dataset files of a port, named by `names` (URIs); `load` also takes rule overrides (as node/dataset.ts's does). */
export function portFiles(port: FilePort, names: FileNames): DatasetFiles & { load(root: string, live?: (file: string) => string | undefined, overrides?: Record<string, unknown>): Promise<LoadedDataset> } {
  /** The dataset root of each folder asked about (forgotten when a haulcheck.yaml comes or goes). */
  const roots = new Map<string, Promise<string | undefined>>();

  const outside = (root: string, file: string) => {
    const rel = names.relative(root, file);
    return rel === '' || rel === '..' || rel.startsWith('../') || rel.startsWith('/');
  };

  async function findRoot(dir: string): Promise<string | undefined> {
    let hit = roots.get(dir);
    if (!hit) {
      hit = (async () => {
        if (isFile(await port.stat(names.resolve(dir, CONFIG_FILE)))) return dir;
        const up = names.dirname(dir);
        return up === dir ? undefined : findRoot(up);
      })();
      roots.set(dir, hit);
    }
    return hit;
  }

  function unreadable(err: unknown): string {
    const code = codeOf(err);
    if (code === 'FileIsADirectory') return 'is a folder, not a file';
    const message = err instanceof Error ? err.message : String(err);
    return `cannot be read (${code && code !== 'Unknown' && !message.includes(code) ? `${code}: ${message}` : message})`;
  }

  async function load(root: string, live?: (file: string) => string | undefined, overrides?: Record<string, unknown>): Promise<LoadedDataset> {
    const configPath = names.resolve(root, CONFIG_FILE);
    const problems: string[] = [];
    /** Registries whose read failed although they are there. */
    const failed = new Set<string>();
    const read = async (p: string) => {
      // Registries named outside the dataset are never read, not even from an editor's unsaved text.
      if (outside(root, p)) return undefined;
      let text = live?.(p);
      if (text === undefined) {
        try {
          text = await port.readFile(p);
        } catch (err) {
          if (codeOf(err) !== 'FileNotFound') {
            failed.add(p);
            // A registry that cannot be read is a config/paths finding; the config cannot report on itself.
            if (p === configPath) problems.push(`${CONFIG_FILE} ${unreadable(err)}`);
          }
          return undefined;
        }
      }
      try {
        return parseFile(text).docs[0]?.value;
      } catch {
        return undefined;
      }
    };
    const hasConfig = live?.(configPath) !== undefined || (await port.stat(configPath)) !== undefined;
    const raw = hasConfig ? await read(configPath) : undefined;
    const config = resolveConfig(raw, overrides);
    const drugsPath = names.resolve(root, config.registries.drugs);
    const agenciesPath = names.resolve(root, config.registries.agencies);
    const [drugs, agencies] = await Promise.all([read(drugsPath), read(agenciesPath)]);
    const status = async (p: string): Promise<RegistryStatus> => {
      if (outside(root, p)) return 'outside';
      if (live?.(p) !== undefined) return 'found';
      const type = await port.stat(p);
      if (type === undefined) return 'missing';
      if (!isFile(type)) return 'not-a-file';
      return failed.has(p) ? 'unreadable' : 'found';
    };
    const [drugsStatus, agenciesStatus] = await Promise.all([status(drugsPath), status(agenciesPath)]);
    return assembleDataset({
      root,
      hasConfig,
      raw,
      config,
      drugs,
      agencies,
      registries: { [config.registries.drugs]: drugsStatus, [config.registries.agencies]: agenciesStatus },
      problems,
    });
  }

  async function list(ds: LoadedDataset): Promise<Listing> {
    const { root } = ds;
    const globs = datasetGlobs(ds.config);
    const problems: ListingProblem[] = [];
    const plain = new Map<string, { p: string; rel: string }>();
    const walked = new Set<string>();
    const show = (rel: string) => rel || '.';

    const add = (p: string, rel: string) => {
      if (globs.isEvent(rel) && !globs.negated(rel)) plain.set(p, { p, rel });
    };

    /** One entry: a folder is walked, a file listed, anything else the globs match is a problem. */
    const visit = async (p: string, rel: string, type: number, depth: number): Promise<void> => {
      if (isFolder(type)) await walk(p, rel, depth + 1);
      else if (isFile(type)) add(p, rel);
      else if (globs.matches(rel)) problems.push({ path: p, message: `${rel} is ${typeName(type)}: it is not read.` });
    };

    const walk = async (dir: string, rel: string, depth: number): Promise<void> => {
      if (walked.has(dir)) return;
      walked.add(dir);
      if (depth > MAX_DEPTH) {
        problems.push({ path: dir, message: `The folder ${show(rel)} is more than ${MAX_DEPTH} folders deep: the files in it are not checked.` });
        return;
      }
      let entries: [string, number][];
      try {
        entries = await port.readDirectory(dir);
      } catch (err) {
        const code = codeOf(err);
        if (code === 'FileNotFound' || code === 'FileNotADirectory') return;
        if (!globs.ignored(`${rel}/x.yaml`)) problems.push({ path: dir, message: `The folder ${show(rel)} ${unreadable(err)}: the files in it are not checked.` });
        return;
      }
      // The subfolders are read together: each is a request to the editor.
      await Promise.all(
        entries
          .filter(([name]) => !name.startsWith('.') && name !== 'node_modules')
          .map(([name, type]) => visit(names.resolve(dir, name), rel ? `${rel}/${name}` : name, type, depth)),
      );
    };

    for (const base of globBases(globs.positive)) {
      if (base === '') {
        await walk(root, '', 0);
        continue;
      }
      const p = names.resolve(root, base);
      const type = await port.stat(p);
      if (type === undefined) continue; // the glob matches nothing
      await visit(p, base, type, -1);
    }

    // The config and the registries (registries outside the dataset are never read: load).
    const extra: string[] = [];
    for (const rel of [CONFIG_FILE, ds.config.registries.drugs, ds.config.registries.agencies]) {
      const p = names.resolve(root, rel);
      if (outside(root, p)) continue;
      const type = await port.stat(p);
      if (type === undefined) continue; // missing: the findings that need it say so
      if (!isFile(type)) problems.push({ path: p, message: `${names.relative(root, p)} is ${typeName(type)}: it is not read.` });
      else extra.push(p);
    }
    const events = keepEvents(ds, globs, plain.values());
    const files = [...new Set([...extra, ...events.map((f) => f.p)])].sort();
    problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files, problems };
  }

  return {
    names,
    findRoot,
    load,
    list,
    kindOf: (ds, file, text) => kindIn(ds, names.inside(ds.root, file) ? names.relative(ds.root, file) : undefined, text),
    readText: (file) => port.readFile(file),
    exists: async (file) => (await port.stat(file)) !== undefined,
    unreadable,
    isMissing: (err) => codeOf(err) === 'FileNotFound',
    changed(file) {
      if (names.basename(file) === CONFIG_FILE) roots.clear();
    },
  };
}
