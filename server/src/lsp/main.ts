/**
 * Entry of `haulcheck-language-server`: LSP over --stdio, --node-ipc, --socket=PORT or --pipe=NAME.
 * The transport (transport.ts) is strict: a malformed frame is logged and ends the process (exit 1),
 * so that the client restarts a server instead of talking to a deaf one.
 */
import { format } from 'node:util';
import { type Connection, ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { installGuards } from './guard';
import { nodeHost } from './node-host';
import { startServer } from './server';
import { openTransport } from './transport';

const argv = process.argv.slice(2);
if (argv.includes('--version')) {
  process.stdout.write('0.1.0\n');
  process.exit(0);
}

/** Set once the connection exists (a malformed first frame may arrive before). */
let log: Connection['console'] | undefined;

function malformed(reason: string): void {
  const line = `haulcheck-language-server: malformed message from the client (${reason}); closing the connection so that the client restarts the server.`;
  try {
    process.stderr.write(line + '\n');
    log?.error(line);
  } catch {
    // the log is best effort; the exit is not
  }
  // Let the log reach the client, then go: exit 1 as for an exit without shutdown.
  setImmediate(() => process.exit(1));
}

const transport = openTransport(argv, malformed);
if (!transport) {
  process.stderr.write('Usage: haulcheck-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n');
  process.exit(2);
}
if (argv.includes('--stdio')) {
  // stdout carries the protocol: anything a dependency prints goes to stderr instead.
  for (const level of ['log', 'info', 'debug', 'warn', 'error', 'trace'] as const)
    console[level] = (...args: unknown[]) => void process.stderr.write(format(...args) + '\n');
}
if (transport.stream) {
  // The client closed its end: exit 0 after `shutdown`, 1 otherwise (as the LSP specification says).
  transport.reader.onClose(() => process.exit(transport.reader.shutdownRequested ? 0 : 1));
}
const connection = createConnection(ProposedFeatures.all, transport.reader, transport.writer);
log = connection.console;
// Before the features register their handlers: cancellation, time budgets, disconnects (guard.ts).
installGuards(connection);
startServer(connection, nodeHost());
