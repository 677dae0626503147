import * as http from 'node:http';
import * as https from 'node:https';
import { TransportError } from './errors';

/** A raw HTTP exchange: the body is the exact UTF-8 text received. */
export interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends one request; rejects with {@link TransportError} on failure or after `timeoutMs`. */
export type Transport = (request: HttpRequest, timeoutMs: number) => Promise<HttpResponse>;

const MAX_REPLY_BYTES = 1024 * 1024;
// Marked pure so a bundle that never sends a request (the notify function) leaves them out.
const agents = {
  'http:': /* @__PURE__ */ new http.Agent({ keepAlive: true }),
  'https:': /* @__PURE__ */ new https.Agent({ keepAlive: true }),
};

/** The transport over Node's own http/https, with keep-alive for warm function instances. */
export const nodeTransport: Transport = (request, timeoutMs) =>
  new Promise((resolve, reject) => {
    const isHttps = request.url.protocol === 'https:';
    const send = isHttps ? https.request : http.request;
    const payload = Buffer.from(request.body, 'utf8');
    const headers = payload.length
      ? { ...request.headers, 'Content-Length': String(payload.length) }
      : request.headers;
    const req = send(request.url, {
      method: request.method,
      headers,
      agent: agents[isHttps ? 'https:' : 'http:'],
    });

    const timer = setTimeout(() => {
      req.destroy(new TransportError(`no reply within ${timeoutMs} ms`, true));
    }, timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error instanceof TransportError ? error : new TransportError(error.message));
    };

    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_REPLY_BYTES) req.destroy(new TransportError('reply larger than 1 MiB'));
        else chunks.push(chunk);
      });
      res.on('error', fail);
      res.on('end', () => {
        clearTimeout(timer);
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.end(payload);
  });
