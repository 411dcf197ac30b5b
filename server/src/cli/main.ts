/**
 * Entry point of dist/cli.js (webpack adds the shebang). Runs the command and sets
 * `process.exitCode` without calling `process.exit`, so that piped output is flushed first. A
 * reader that closes the pipe early (`| head`) ends the output quietly; an unexpected exception is
 * reported as an internal error with status 2, never 1, which means "findings".
 */
import { EXIT_ERROR } from './errors';
import { nodeHost } from './host';
import { runCli } from './run';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

runCli(process.argv.slice(2), nodeHost()).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`kube-checklist: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT_ERROR;
  },
);
