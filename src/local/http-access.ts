/**
 * A loopback stand-in for CloudBase HTTP access: it turns each HTTP request into the
 * "integration request" event an Event function receives, and the function's "integration
 * response" back into HTTP. Used by `npm start` and tests to deliver the sandbox's
 * notifications to the real notify function.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpAccessEvent, HttpAccessReply } from '../functions/lib/notify';

export type HttpAccessHandler = (event: HttpAccessEvent) => Promise<HttpAccessReply>;

export interface HttpAccess {
  /** Base URL, e.g. http://127.0.0.1:PORT; a function is at baseUrl + its path. */
  baseUrl: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Serves `routes` (path → function) on 127.0.0.1. With `base64Bodies`, bodies reach the
 * function base64-encoded with `isBase64Encoded: true`, as HTTP access may deliver them.
 */
export async function startHttpAccess(
  routes: Record<string, HttpAccessHandler>,
  options: { port?: number; base64Bodies?: boolean } = {},
): Promise<HttpAccess> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const handler = Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : undefined;
      if (handler === undefined || size > MAX_BODY_BYTES) {
        res.writeHead(handler === undefined ? 404 : 413).end();
        return;
      }
      const body = Buffer.concat(chunks);
      const event: HttpAccessEvent = {
        path: url.pathname,
        httpMethod: req.method ?? 'GET',
        headers: flatHeaders(req.headers),
        queryStringParameters: Object.fromEntries(url.searchParams),
        body: options.base64Bodies ? body.toString('base64') : body.toString('utf8'),
        isBase64Encoded: Boolean(options.base64Bodies),
      };
      handler(event).then(
        (reply) => res.writeHead(reply.statusCode, reply.headers).end(reply.body),
        () => res.writeHead(502).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
