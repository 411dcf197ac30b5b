/**
 * The process boundary of the CLI: what a command may know about the process it runs in (working
 * directory, environment, standard streams, standard input) behind one small interface. `nodeHost`
 * builds it from `process`; everything else in the CLI takes a `Host`, so the commands never touch
 * `process` themselves and could be driven in memory. The file system is used directly by the
 * modules that read files (collect-files, read-source).
 */
import { readBounded } from '../host/read-source';

export interface OutputStream {
  write(text: string): void;
  /** True when the stream is a terminal: colors are then allowed. */
  readonly isTTY: boolean;
}

export interface Host {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Standard input, for the `-` path: undefined when it holds more than `maxBytes` (never read past it). */
  readStdin(maxBytes: number): Uint8Array | undefined;
}

export function nodeHost(): Host {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: { write: (text) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true },
    stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY === true },
    readStdin: (maxBytes) => readBounded(0, maxBytes),
  };
}
