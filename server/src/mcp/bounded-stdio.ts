/**
 * The stdio transport of the MCP server: newline-delimited JSON-RPC, as the SDK's own, but with a
 * bound per line that costs nothing to enforce. A line over the bound is skipped as it streams in
 * (never gathered in memory) and its request, identified by the `id` at the end of the line, gets a
 * JSON-RPC error in the user's locale; the SDK's transport would instead close the connection.
 * A line that is no JSON-RPC is reported to `onerror` and the next line is read as usual.
 */
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { JSONRPCMessage, JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';

/** The last bytes of a skipped line kept to find its `id` (the SDK client writes it last). */
const TAIL_BYTES = 256;

export class BoundedStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private chunks: Buffer[] = [];
  private size = 0;
  private skipping = false;
  private tail = '';

  constructor(
    private readonly maxLineBytes: number,
    private readonly tooLargeMessage: () => string,
    private readonly input: NodeJS.ReadableStream = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stdout,
  ) {}

  private readonly onData = (chunk: Buffer): void => {
    let rest = chunk;
    for (let newline = rest.indexOf(10); ; newline = rest.indexOf(10)) {
      const part = newline === -1 ? rest : rest.subarray(0, newline);
      this.take(part);
      if (newline === -1) return;
      this.endLine();
      rest = rest.subarray(newline + 1);
    }
  };

  private readonly onEnd = (): void => {
    void this.close();
  };

  private take(part: Buffer): void {
    if (!this.skipping && this.size + part.length > this.maxLineBytes) {
      this.skipping = true;
      this.chunks = [];
    }
    this.size += part.length;
    if (this.skipping) this.tail = (this.tail + part.subarray(Math.max(0, part.length - TAIL_BYTES)).toString('latin1')).slice(-TAIL_BYTES);
    else this.chunks.push(part);
  }

  private endLine(): void {
    const skipped = this.skipping;
    const line = skipped ? '' : Buffer.concat(this.chunks).toString('utf8').replace(/\r$/, '');
    const tail = this.tail;
    this.chunks = [];
    this.size = 0;
    this.skipping = false;
    this.tail = '';
    if (skipped) {
      const id = /"id":(-?\d+|"(?:[^"\\]|\\.)*")\}\s*$/.exec(tail)?.[1];
      void this.send({ jsonrpc: '2.0', id: id === undefined ? (null as unknown as string) : (JSON.parse(id) as string | number), error: { code: -32600, message: this.tooLargeMessage() } });
      return;
    }
    if (line.trim() === '') return;
    try {
      this.onmessage?.(JSONRPCMessageSchema.parse(JSON.parse(line)));
    } catch (error) {
      this.onerror?.(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async start(): Promise<void> {
    this.input.on('data', this.onData);
    this.input.on('end', this.onEnd);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const text = JSON.stringify(message) + '\n';
    await new Promise<void>((resolve) => {
      if (this.output.write(text)) resolve();
      else this.output.once('drain', resolve);
    });
  }

  async close(): Promise<void> {
    this.input.off('data', this.onData);
    this.input.off('end', this.onEnd);
    this.onclose?.();
  }
}
