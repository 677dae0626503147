/**
 * The sandbox's HTTP server: `/v3/…` behaves like WeChat Pay, `/sandbox/…` and `/` are the
 * sandbox's own. No request, however malformed, can take it down.
 */
import * as http from 'node:http';
import { serveApi } from './api/serve';
import type { SandboxContext } from './context';
import { FAULT_KINDS, FAULT_ROUTES } from './faults';
import { pageHtml } from './page/html';
import { SANDBOX_PREFIX, serveSandboxRoute } from './routes/serve';
import { SandboxApiError } from './wire/api-error';
import { sendJson, writeText } from './wire/reply';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** Creates (but does not start) the server for `ctx`. */
export function createSandboxServer(ctx: SandboxContext): http.Server {
  const server = http.createServer((req, res) => {
    dispatch(ctx, req, res).catch((error: unknown) => {
      const issue = error instanceof Error ? error.message : String(error);
      sendJson(res, 500, { code: 'SYSTEM_ERROR', message: '沙箱内部错误', detail: { issue } });
    });
  });
  // Slow or stalled clients must not hold sockets forever.
  server.headersTimeout = 10000;
  server.requestTimeout = 30000;
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

async function dispatch(ctx: SandboxContext, req: http.IncomingMessage, res: http.ServerResponse) {
  // Split by hand rather than through URL: WeChat Pay signs and routes the path as sent,
  // without resolving `..` or reading a leading `//` as a host.
  const target = req.url ?? '/';
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1));
  if (path.startsWith('/v3/')) return serveApi(ctx, req, res, path, query);

  // The page and its routes answer loopback names only, so a rebound DNS name cannot reach them.
  if (!LOOPBACK_NAMES.includes(hostnameOf(req.headers.host))) {
    return refuse(res, new SandboxApiError(403, 'FORBIDDEN', '仅限本机访问'));
  }
  if (path === '/' || path === '/sandbox' || path === SANDBOX_PREFIX) {
    if (req.method !== 'GET') {
      const error = new SandboxApiError(405, 'METHOD_NOT_ALLOWED', `不支持${req.method}方法`);
      return refuse(res, error, { Allow: 'GET' });
    }
    const html = pageHtml(FAULT_ROUTES, FAULT_KINDS);
    return writeText(res, 200, html, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy':
        "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
    });
  }
  if (path.startsWith(SANDBOX_PREFIX)) return serveSandboxRoute(ctx, req, res, path);
  refuse(res, new SandboxApiError(404, 'NOT_FOUND', '请求的资源不存在'));
}

function refuse(res: http.ServerResponse, error: SandboxApiError, headers = {}): void {
  sendJson(res, error.status, error.toBody(), headers);
}

function hostnameOf(hostHeader: string | undefined): string {
  try {
    return new URL(`http://${hostHeader ?? ''}`).hostname;
  } catch {
    return '';
  }
}
