/**
 * Reads a request body without ever holding more than the limit: a declared length over it is
 * refused before reading, and a stream that grows past it is cut off.
 */
import type { IncomingMessage } from 'node:http';

/** Largest body the sandbox reads (64 KiB); WeChat's own bodies are far smaller. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The body did not fit in {@link MAX_BODY_BYTES}. */
export class BodyTooLargeError extends Error {
  constructor() {
    super(`request body is larger than ${MAX_BODY_BYTES} bytes`);
  }
}

/** Resolves with the UTF-8 text of the body; rejects with {@link BodyTooLargeError}. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(new BodyTooLargeError());

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.pause();
      reject(new BodyTooLargeError());
    };
    req.on('data', onData);
    req.on('error', reject);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
