/**
 * One notification POST, to loopback only. The sandbox never contacts another host: a
 * notify_url elsewhere is refused before any connection, and `localhost` is dialled as
 * 127.0.0.1 so no name lookup can send it anywhere else.
 */
import * as http from 'node:http';

/** Where a loopback notify_url is reached. */
export interface LoopbackTarget {
  host: string;
  port: number;
  path: string;
  hostHeader: string;
}

/** What one delivery attempt got back. */
export interface DeliveryResult {
  status?: number;
  error?: string;
  durationMs: number;
}

const DIAL: Record<string, string> = {
  '127.0.0.1': '127.0.0.1',
  localhost: '127.0.0.1',
  '[::1]': '::1',
};

/** The loopback target of `notifyUrl`, or why the sandbox will not deliver there. */
export function loopbackTarget(notifyUrl: string): LoopbackTarget | { reason: string } {
  let url: URL;
  try {
    url = new URL(notifyUrl);
  } catch {
    return { reason: 'notify_url is not a URL' };
  }
  const host = DIAL[url.hostname];
  if (!host) {
    return {
      reason:
        `not delivered: ${url.hostname} is not loopback; the sandbox only delivers to ` +
        '127.0.0.1, localhost or [::1] and never contacts other hosts',
    };
  }
  if (url.protocol !== 'http:') {
    return { reason: 'not delivered: the sandbox delivers over plain http to loopback only' };
  }
  return {
    host,
    port: Number(url.port || 80),
    path: `${url.pathname}${url.search}`,
    hostHeader: url.host,
  };
}

/** POSTs `body` once; resolves (never rejects) with the status or the error. */
export function postOnce(
  target: LoopbackTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<DeliveryResult> {
  const started = Date.now();
  const payload = Buffer.from(body, 'utf8');
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<DeliveryResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: Date.now() - started });
    };
    const req = http.request({
      host: target.host,
      port: target.port,
      path: target.path,
      method: 'POST',
      agent: false,
      signal,
      headers: {
        ...headers,
        Host: target.hostHeader,
        'Content-Length': String(payload.length),
      },
    });
    const timer = setTimeout(() => {
      finish({ error: `no answer within ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (error) => finish({ error: error.message }));
    req.on('response', (res) => {
      // The answer's body means nothing to WeChat Pay (only the status counts): drain it.
      res.resume();
      res.on('end', () => finish({ status: res.statusCode }));
      res.on('error', (error) => finish({ error: error.message }));
    });
    req.end(payload);
  });
}
