import { connect, constants, type ClientHttp2Session, type OutgoingHttpHeaders } from 'node:http2';

/** What came back for a raw gRPC call: the status, its message, and the response messages' bytes. */
export interface RawReply {
  status: number;
  message: string;
  headers: Record<string, unknown>;
  messages: Buffer[];
}

/** One length-prefixed gRPC message frame (uncompressed) around `body`. */
export function frame(body: Uint8Array): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt32BE(body.length, 1);
  return Buffer.concat([header, body]);
}

/**
 * A gRPC client over node:http2 that sends exactly the bytes and headers it is given: hand-made
 * frames (garbage, truncated, forged map keys) and header values grpc-js would refuse to send.
 */
export class RawGrpc {
  private readonly session: ClientHttp2Session;

  constructor(address: string) {
    this.session = connect(`http://${address}`);
    this.session.on('error', () => {});
  }

  /** Sends `payload` (already framed, or raw bytes when `framed` is false) to `path` and reads the reply to its end. */
  call(
    path: string,
    payload: Uint8Array,
    headers: OutgoingHttpHeaders = {},
    options: { framed?: boolean; timeoutMs?: number } = {},
  ): Promise<RawReply> {
    return new Promise((resolve, reject) => {
      const stream = this.session.request({
        [constants.HTTP2_HEADER_METHOD]: 'POST',
        [constants.HTTP2_HEADER_PATH]: path,
        [constants.HTTP2_HEADER_CONTENT_TYPE]: 'application/grpc',
        te: 'trailers',
        ...headers,
      });
      const chunks: Buffer[] = [];
      let responseHeaders: Record<string, unknown> = {};
      let trailers: Record<string, unknown> = {};
      const timer = setTimeout(() => stream.close(constants.NGHTTP2_CANCEL), options.timeoutMs ?? 5000);
      stream.on('response', (h) => (responseHeaders = { ...h }));
      stream.on('trailers', (t) => (trailers = { ...t }));
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      stream.on('close', () => {
        clearTimeout(timer);
        const all = { ...responseHeaders, ...trailers };
        const status = Number(all['grpc-status'] ?? -1);
        const message = decodeURIComponent(String(all['grpc-message'] ?? ''));
        resolve({ status, message, headers: all, messages: unframe(Buffer.concat(chunks)) });
      });
      stream.end(options.framed === false ? payload : frame(payload));
    });
  }

  close(): void {
    this.session.close();
  }
}

function unframe(data: Buffer): Buffer[] {
  const messages: Buffer[] = [];
  let at = 0;
  while (at + 5 <= data.length) {
    const length = data.readUInt32BE(at + 1);
    messages.push(data.subarray(at + 5, at + 5 + length));
    at += 5 + length;
  }
  return messages;
}
