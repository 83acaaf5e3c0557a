/**
 * The language server's transport, strict about what it accepts so that it cannot go deaf.
 *
 * vscode-jsonrpc's stream reader waits forever for a header that ends in CR LF CR LF: after LF-only
 * headers or garbage it stays alive and reads nothing again, and after a missing or bad
 * Content-Length it reports an error nobody acts on. Here each frame is checked as its bytes arrive —
 * header lines of `Name: value` in ASCII ending with CR LF, a Content-Length that is a whole number
 * within MAX_CONTENT_LENGTH, a body of that many bytes that is UTF-8 JSON — and the first thing that
 * cannot be a frame is reported (`onMalformed`): the server logs it and exits non-zero, and the
 * client restarts it (client/src/faults.ts says so in the output channel).
 *
 * ShutdownGate: after `shutdown`, requests are answered with the error the LSP specification names
 * (InvalidRequest) and notifications other than `exit` are dropped.
 */
import { isUtf8 } from 'node:buffer';
import { createConnection as netConnection } from 'node:net';
import {
  AbstractMessageReader,
  type DataCallback,
  Disposable,
  ErrorCodes,
  IPCMessageReader,
  IPCMessageWriter,
  type Message,
  type MessageReader,
  type MessageWriter,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

/** A header longer than this without its blank line is not a header. */
export const MAX_HEADER_BYTES = 8 * 1024;
/** The largest message accepted (a 10 MB file, escaped in JSON, fits). */
export const MAX_CONTENT_LENGTH = 256 * 1024 * 1024;

const CR = 13;
const LF = 10;
/** Characters of a header name (RFC 9110 token). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]$/;

/** A header line as text for a log, control bytes escaped, cut short. */
function shown(bytes: Buffer): string {
  const s = bytes.subarray(0, 60).toString('latin1').replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `"${s}${bytes.length > 60 ? '…' : ''}"`;
}

type Scan = { end: number; lines: Buffer[] } | { error: string } | undefined;

/**
 * Looks for the end of a header block at the start of `buf`, checking every byte on the way: the
 * header block (when complete), why it cannot be one, or undefined when more bytes are needed.
 */
function scanHeader(buf: Buffer): Scan {
  const lines: Buffer[] = [];
  let lineStart = 0;
  let colon = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (c === LF) {
      if (i === 0 || buf[i - 1] !== CR) return { error: 'a header line ends with LF alone (LSP header lines end with CR LF)' };
      const line = buf.subarray(lineStart, i - 1);
      if (line.length === 0) return { end: i + 1, lines };
      if (!colon) return { error: `${shown(line)} is not a header line (Name: value)` };
      lines.push(line);
      lineStart = i + 1;
      colon = false;
    } else if (c === CR) {
      if (i + 1 < buf.length && buf[i + 1] !== LF) return { error: 'a CR in the header is not followed by LF' };
    } else if ((c < 0x20 && c !== 0x09) || c > 0x7e) {
      return { error: `${shown(buf.subarray(lineStart, i + 1))} is not a header line (Name: value)` };
    } else if (!colon) {
      // Still in the name: only token characters, then the colon.
      if (c === 0x3a && i > lineStart) colon = true;
      else if (!TOKEN.test(String.fromCharCode(c))) return { error: `${shown(buf.subarray(lineStart, i + 1))} is not a header line (Name: value)` };
    }
  }
  return undefined;
}

/** The Content-Length of a complete header block, or why there is none that can be used. */
function contentLength(lines: Buffer[]): number | string {
  let length: number | undefined;
  for (const line of lines) {
    const text = line.toString('latin1');
    const at = text.indexOf(':');
    const name = text.slice(0, at).toLowerCase();
    const value = text.slice(at + 1).replace(/^[ \t]+|[ \t]+$/g, '');
    if (name === 'content-length') {
      if (!/^\d+$/.test(value)) return `the Content-Length "${value}" is not a whole number`;
      const n = Number(value);
      if (n > MAX_CONTENT_LENGTH) return `the Content-Length ${value} is over the ${MAX_CONTENT_LENGTH / (1024 * 1024)} MB a message may have`;
      if (length !== undefined && length !== n) return 'the header has two different Content-Lengths';
      length = n;
    } else if (name === 'content-type') {
      const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(value)?.[1];
      if (charset && !/^utf-?8$/i.test(charset)) return `the charset "${charset}" is not UTF-8`;
    }
  }
  return length ?? 'the header has no Content-Length';
}

/** Reads LSP frames from a byte stream, strictly (see the top of this file). */
export class FrameReader extends AbstractMessageReader implements MessageReader {
  private pending: Buffer[] = [];
  private size = 0;
  /** The body length being read, or -1 while reading a header. */
  private expected = -1;
  private failed = false;

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly onMalformed: (reason: string) => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (d: Buffer | string) => this.onData(typeof d === 'string' ? Buffer.from(d, 'utf8') : d, callback);
    const onError = (e: Error) => this.fireError(e);
    const onClose = () => this.fireClose();
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('end', onClose);
    this.input.on('close', onClose);
    return Disposable.create(() => {
      this.input.off('data', onData);
      this.input.off('error', onError);
      this.input.off('end', onClose);
      this.input.off('close', onClose);
    });
  }

  private fail(reason: string): void {
    this.failed = true;
    this.pending = [];
    this.size = 0;
    this.input.pause();
    this.onMalformed(reason);
  }

  private take(): Buffer {
    const b = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
    this.pending = [b];
    return b;
  }

  private onData(data: Buffer, callback: DataCallback): void {
    if (this.failed) return;
    this.pending.push(data);
    this.size += data.length;
    for (;;) {
      if (this.expected < 0) {
        const buf = this.take();
        const scan = scanHeader(buf);
        if (scan === undefined) {
          if (buf.length > MAX_HEADER_BYTES) this.fail(`the header is over ${MAX_HEADER_BYTES / 1024} KB and has not ended`);
          return;
        }
        if ('error' in scan) return this.fail(scan.error);
        const n = contentLength(scan.lines);
        if (typeof n === 'string') return this.fail(n);
        const rest = buf.subarray(scan.end);
        this.pending = rest.length ? [rest] : [];
        this.size = rest.length;
        this.expected = n;
      }
      if (this.size < this.expected) return;
      const buf = this.take();
      const body = buf.subarray(0, this.expected);
      const rest = buf.subarray(this.expected);
      this.pending = rest.length ? [rest] : [];
      this.size = rest.length;
      this.expected = -1;
      if (!isUtf8(body)) return this.fail('the body is not UTF-8');
      let message: unknown;
      try {
        message = JSON.parse(body.toString('utf8'));
      } catch (err) {
        return this.fail(`the body is not JSON (${(err as Error).message})`);
      }
      if (!message || typeof message !== 'object' || Array.isArray(message)) return this.fail('the body is not a JSON-RPC message (a JSON object)');
      callback(message as Message);
      if (this.failed || this.size === 0) return;
    }
  }
}

/** After `shutdown`: requests get InvalidRequest, notifications but `exit` are dropped. */
export class ShutdownGate implements MessageReader {
  shutdownRequested = false;

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
  ) {}

  get onError() {
    return this.inner.onError;
  }
  get onClose() {
    return this.inner.onClose;
  }
  get onPartialMessage() {
    return this.inner.onPartialMessage;
  }
  dispose(): void {
    this.inner.dispose();
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((m) => {
      const msg = m as { id?: unknown; method?: unknown };
      if (typeof msg.method !== 'string') return callback(m); // a response to the server's own request
      if (this.shutdownRequested) {
        if (msg.method === 'exit') return callback(m);
        if (msg.id !== undefined && msg.id !== null)
          void this.writer.write({
            jsonrpc: '2.0',
            id: msg.id as number | string,
            error: { code: ErrorCodes.InvalidRequest, message: `The server is shutting down: no request is served after "shutdown" (this one was "${msg.method}").` },
          } as Message);
        return;
      }
      if (msg.method === 'shutdown' && msg.id !== undefined) this.shutdownRequested = true;
      callback(m);
    });
  }
}

export interface Transport {
  reader: ShutdownGate;
  writer: MessageWriter;
  /** A byte stream (stdio, socket, pipe), whose end ends the server; not node IPC. */
  stream: boolean;
}

/** The value of `--name=value` or `--name value`. */
function option(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(name + '=')) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

/**
 * The transport the command line asks for (`--stdio`, `--node-ipc`, `--socket=PORT`, `--pipe=NAME`;
 * node IPC when started with an IPC channel and nothing else is said), or undefined.
 */
export function openTransport(argv: string[], onMalformed: (reason: string) => void): Transport | undefined {
  let reader: MessageReader;
  let writer: MessageWriter;
  let stream = true;
  const port = option(argv, '--socket');
  const pipe = option(argv, '--pipe');
  if (argv.includes('--stdio')) {
    reader = new FrameReader(process.stdin, onMalformed);
    writer = new StreamMessageWriter(process.stdout);
  } else if (port !== undefined || pipe !== undefined) {
    const socket = port !== undefined ? netConnection(Number(port), '127.0.0.1') : netConnection(pipe!);
    reader = new FrameReader(socket, onMalformed);
    writer = new StreamMessageWriter(socket);
  } else if (argv.includes('--node-ipc') || process.send !== undefined) {
    reader = new IPCMessageReader(process);
    writer = new IPCMessageWriter(process);
    stream = false;
  } else return undefined;
  return { reader: new ShutdownGate(reader, writer), writer, stream };
}
