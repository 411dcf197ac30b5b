/**
 * Reading one input into text: the size limit, the binary test and the decoding. UTF-8 (with or
 * without a byte order mark) is the norm; UTF-16 with a byte order mark is decoded too, as YAML
 * allows it. A file is binary when its first 8 KiB hold a NUL byte or when it is mostly not UTF-8;
 * a few stray bytes (a Latin-1 comment) only become U+FFFD. Offsets in the resulting text are UTF-16
 * code units of the text without the byte order mark, as an editor counts them.
 */
import * as fs from 'node:fs';
import { describeError } from './errors';

/** The default size limit (the CLI's --max-file-size and the kubeChecklist.maxFileSizeMB setting change it). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** `5 MiB`, `512 KiB`: a limit as people read it. */
export function sizeLabel(bytes: number): string {
  const mebibytes = bytes / (1024 * 1024);
  return mebibytes >= 1 ? `${Number(mebibytes.toFixed(2))} MiB` : `${Number((bytes / 1024).toFixed(2))} KiB`;
}

const SNIFF_BYTES = 8 * 1024;

export type SourceText =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'too-large'; readonly limit: number }
  | { readonly kind: 'binary' }
  | { readonly kind: 'unreadable'; readonly reason: string };

/**
 * Reads a regular file, never more than the limit: the file is opened without blocking (a FIFO
 * with no writer would wait forever) and judged by the descriptor it gave (a file swapped for a
 * FIFO or a device between the walk and the read is caught), then read up to one byte past the
 * limit, so /dev/zero or a file that grows while read cannot fill the memory.
 */
export function readSourceFile(absolutePath: string, maxBytes = MAX_FILE_BYTES): SourceText {
  let fd: number | undefined;
  try {
    fd = fs.openSync(absolutePath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { kind: 'unreadable', reason: 'not a regular file (a FIFO, socket or device)' };
    if (stat.size > maxBytes) return { kind: 'too-large', limit: maxBytes };
    const bytes = readBounded(fd, maxBytes);
    return bytes ? decodeSource(bytes, maxBytes) : { kind: 'too-large', limit: maxBytes };
  } catch (error) {
    return { kind: 'unreadable', reason: describeError(error) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Up to `maxBytes` from a descriptor, or undefined when there is more; waits out EAGAIN briefly. */
export function readBounded(fd: number, maxBytes: number): Uint8Array | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    let read: number;
    try {
      read = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      continue;
    }
    if (read === 0) return Buffer.concat(chunks, total);
    total += read;
    if (total > maxBytes) return undefined;
    chunks.push(Buffer.from(chunk.subarray(0, read)));
  }
}

export function decodeSource(bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): SourceText {
  if (bytes.length > maxBytes) return { kind: 'too-large', limit: maxBytes };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'text', text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { kind: 'text', text: new TextDecoder('utf-16be').decode(bytes) };
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { kind: 'binary' };
  const text = new TextDecoder('utf-8').decode(bytes);
  if (isMostlyUndecodable(text)) return { kind: 'binary' };
  return { kind: 'text', text };
}

/** At least 8 replacement characters, and more than one character in ten. */
function isMostlyUndecodable(text: string): boolean {
  let replacements = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replacements++;
  return replacements >= 8 && replacements * 10 > text.length;
}

/** The size limit of `.kube-checklist.yaml`. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * A configuration file, read with the manifests' decoding and a size limit, never blocking: it is
 * opened non-blocking and checked with fstat before any read, so a FIFO or a device named
 * `.kube-checklist.yaml` is refused instead of freezing the server or the CLI.
 */
export function readConfigSource(absolutePath: string, maxBytes = MAX_CONFIG_BYTES): SourceText {
  return readSourceFile(absolutePath, maxBytes);
}

/** Why a configuration file could not be read as text, in words for a message. */
export function configReadReason(source: Exclude<SourceText, { kind: 'text' }>): string {
  if (source.kind === 'too-large') return `larger than ${sizeLabel(source.limit)}`;
  if (source.kind === 'binary') return 'not a text file';
  return source.reason;
}
