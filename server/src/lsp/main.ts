/**
 * Entry of `haulcheck-language-server`: LSP over --stdio, --node-ipc or --socket=PORT
 * (vscode-languageserver picks the transport from the command line).
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { installGuards } from './guard';
import { startServer } from './server';

const argv = process.argv.slice(2);
if (argv.includes('--version')) {
  process.stdout.write('0.1.0\n');
  process.exit(0);
}
if (!argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  if (process.send === undefined) {
    process.stderr.write('Usage: haulcheck-language-server --stdio | --node-ipc | --socket=PORT\n');
    process.exit(2);
  }
}
const connection = createConnection(ProposedFeatures.all);
// Before the features register their handlers: cancellation, time budgets, disconnects (guard.ts).
installGuards(connection);
startServer(connection);
