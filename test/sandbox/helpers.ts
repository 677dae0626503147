/**
 * Shared pieces of the sandbox tests: a sandbox on a free port, a configured core client,
 * raw HTTP exchanges (signed or not) and a notification receiver on 127.0.0.1.
 */
import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ApiError,
  authorizationHeader,
  buildConfirmExtraData,
  formatBeijingTime,
  loadConfig,
  PayScoreClient,
  type ClientOptions,
  type CreateOrderInput,
  type PayScoreConfig,
} from '../../src/payscore';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox';

/** A sandbox in memory only (persist false) with fast notification retries. */
export function memorySandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ persist: false, notifyRetryDelaysMs: [20, 20, 20], ...options });
}

/** The core client configured from the sandbox's merchant.env, retrying quickly. */
export function clientFor(sandbox: Sandbox, options: ClientOptions = {}): PayScoreClient {
  return new PayScoreClient(loadConfig(sandbox.merchantEnv), { backoffMs: 5, ...options });
}

let counter = 0;

/** A unique out_order_no. */
export function orderNo(prefix = 'T'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now()}-${counter}`;
}

/** A valid create input: OnAccept start, 先免 deposit of 100 yuan. */
export function createInput(config: PayScoreConfig, overrides: Partial<CreateOrderInput> = {}) {
  const input: CreateOrderInput = {
    out_order_no: orderNo(),
    service_introduction: '充电宝租借',
    post_payments: [{ name: '租借费', amount: 300, description: '每小时3元' }],
    time_range: { start_time: 'OnAccept' },
    risk_fund: { name: 'DEPOSIT', amount: 9900 },
    notify_url: config.notifyUrl,
    ...overrides,
  };
  return input;
}

/** The complete input for a fee of `amount` ending now. */
export function completeInput(amount: number) {
  return {
    post_payments: [{ name: '租借费', amount }],
    total_amount: amount,
    time_range: { end_time: formatBeijingTime(Date.now()) },
  };
}

/** Creates an order and confirms it as user `openid`; returns the order number and query_id. */
export async function createConfirmed(
  sandbox: Sandbox,
  client: PayScoreClient,
  openid = 'oUSER_1',
) {
  const config = client.config;
  const created = await client.create(createInput(config));
  const extraData = buildConfirmExtraData(
    config.merchant.mchid,
    created.package ?? '',
    config.apiV2Key,
  );
  const back = sandbox.userConfirm({ appid: config.appid, openid, extraData });
  return { outOrderNo: created.out_order_no, queryId: back.query_id ?? '' };
}

export interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One raw HTTP exchange with no client logic in between. */
export function rawRequest(
  baseUrl: string,
  options: {
    method?: string;
    path: string;
    body?: string | Buffer;
    headers?: http.OutgoingHttpHeaders;
  },
): Promise<RawReply> {
  const url = new URL(options.path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: options.method ?? 'GET',
      headers: options.headers,
      agent: false,
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.end(options.body);
  });
}

/**
 * A request signed with the merchant's key by the core's signer; `sentPath` and `sentBody`
 * replace what goes on the wire after signing, to make the two differ.
 */
export function signedRequest(
  sandbox: Sandbox,
  method: string,
  pathWithQuery: string,
  body = '',
  options: { timestamp?: number; sentPath?: string; sentBody?: string } = {},
): Promise<RawReply> {
  const config = loadConfig(sandbox.merchantEnv);
  const authorization = authorizationHeader(config.merchant, {
    method,
    pathWithQuery,
    body,
    timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
  });
  return rawRequest(sandbox.baseUrl, {
    method,
    path: options.sentPath ?? pathWithQuery,
    body: options.sentBody ?? body,
    headers: {
      Authorization: authorization,
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
  });
}

/** A receiver on 127.0.0.1 that answers with the statuses given, in turn (then the last). */
export async function startReceiver(statuses: number[] = [204]) {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)];
      res.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/payscore/notify`;
  const close = () =>
    new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
  return { url, received, close };
}

/** Polls `check` until it is true (at most `timeoutMs`). */
export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** An assert.rejects predicate for an ApiError with this status, code and (if given) message. */
export function apiError(status: number, code: string, message?: string) {
  return (error: unknown) => {
    assert.ok(error instanceof ApiError, `expected ApiError, got ${String(error)}`);
    assert.equal(error.status, status);
    assert.equal(error.code, code);
    if (message !== undefined) assert.equal(error.apiMessage, message);
    return true;
  };
}
