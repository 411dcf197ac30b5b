/**
 * Entry point of the language server bundle (dist/server.js). The transport comes from the command
 * line, as every LSP client passes it: `--stdio`, `--node-ipc` or `--socket=N`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
// A promise nobody awaited must not take the server down (Node ends the process on an unhandled
// rejection): a client that refuses a registration, say. Logged once each, without its data.
process.on('unhandledRejection', (reason) => {
  connection.console.error(`kube-checklist: ignored a failed background operation: ${reason instanceof Error ? reason.message : typeof reason}`);
});
startServer(connection);
