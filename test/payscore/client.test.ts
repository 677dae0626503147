import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ApiError,
  SignatureError,
  TransportError,
  UncertainOutcomeError,
  ValidationError,
  loadConfig,
  nodeTransport,
  requestSignMessage,
  verifySha256Rsa,
  PayScoreClient,
  type HttpRequest,
  type OrderQuery,
} from '../../src/payscore';
import type { Sandbox } from '../../src/sandbox';
import {
  completeInput,
  createConfirmed,
  createInput,
  memorySandbox,
  orderNo,
} from '../sandbox/helpers';
import { createPublicKey } from 'node:crypto';

/** The real transport, recording every request exactly as it went out. */
function recordingClient(sandbox: Sandbox, options: { retries?: number; timeoutMs?: number } = {}) {
  const sent: HttpRequest[] = [];
  const config = loadConfig(sandbox.merchantEnv);
  const client = new PayScoreClient(config, {
    backoffMs: 5,
    ...options,
    transport: (request, timeout) => {
      sent.push(request);
      return nodeTransport(request, timeout);
    },
  });
  return { client, sent, config };
}

function failsWith<T extends Error>(type: new (...args: never[]) => T, check?: (e: T) => void) {
  return (error: unknown) => {
    assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    check?.(error);
    return true;
  };
}

describe('payscore/client against the sandbox', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await memorySandbox();
  });
  after(async () => sandbox.close());
  afterEach(() => sandbox.clearFaults());

  it('F17: sends and signs the same UTF-8 bytes, and announces the public key id', async () => {
    const { client, sent, config } = recordingClient(sandbox);
    const input = createInput(config, {
      out_order_no: orderNo(),
      service_introduction: 'FAKE充电宝租借',
    });
    await client.create(input);
    const [request] = sent;
    assert.ok(request.body.includes('FAKE充电宝租借'), 'Chinese is sent as UTF-8, not escaped');
    const params = Object.fromEntries(
      [...request.headers.Authorization.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    const message = requestSignMessage(
      'POST',
      request.url.pathname,
      params.timestamp,
      params.nonce_str,
      request.body,
    );
    const merchantPublic = createPublicKey(config.merchant.privateKey);
    assert.ok(verifySha256Rsa(message, params.signature, merchantPublic));
    assert.equal(request.headers['Wechatpay-Serial'], config.wechatpayKeys.publicKey?.id);
    assert.equal(JSON.parse(request.body).need_user_confirm, true);
  });

  it('F10: queries by exactly one identifier, URL-encoded and signed as sent', async () => {
    const { client, sent } = recordingClient(sandbox);
    await assert.rejects(
      client.query({ query_id: 'a+b/c=d&e' }),
      failsWith(ApiError, (e) => assert.equal(e.code, 'ORDER_NOT_EXIST')),
    );
    assert.equal(sent[0].url.search.includes('query_id=a%2Bb%2Fc%3Dd%26e'), true);
    assert.equal(sent[0].url.search.includes('out_order_no'), false);
    const both = { out_order_no: 'A', query_id: 'B' } as unknown as OrderQuery;
    await assert.rejects(client.query(both), /out_order_no\/query_id: give exactly one/);
    assert.equal(sent.length, 1);
    // The types refuse both identifiers at compile time (checked by `npm run typecheck`).
    // @ts-expect-error out_order_no and query_id together
    void (() => client.query({ out_order_no: 'A', query_id: 'B' }));
  }).timeout(5000);

  it('never repeats the path out_order_no in the body', async () => {
    const { client, sent } = recordingClient(sandbox);
    const { outOrderNo } = await createConfirmed(sandbox, client);
    await client.complete(outOrderNo, completeInput(200));
    const complete = sent.find((r) => r.url.pathname.endsWith('/complete'))!;
    assert.equal(complete.url.pathname, `/v3/payscore/serviceorder/${outOrderNo}/complete`);
    assert.equal('out_order_no' in JSON.parse(complete.body), false);
  });

  it('F12: turns a 400 into a typed error decoded as UTF-8', async () => {
    const { client, config } = recordingClient(sandbox);
    const input = createInput(config, { out_order_no: orderNo() });
    await client.create(input);
    const changed = { ...input, service_introduction: '另一个服务' };
    await assert.rejects(
      client.create(changed),
      failsWith(ApiError, (e) => {
        assert.equal(e.status, 400);
        assert.equal(e.code, 'INVALID_REQUEST');
        assert.equal(e.apiMessage, '订单重入参数校验失败');
        assert.match(e.requestId ?? '', /\w+/);
      }),
    );
  });

  it('retries a 5xx and a dropped connection with byte-identical bodies', async () => {
    const { client, sent, config } = recordingClient(sandbox);
    sandbox.injectFault({ route: 'create', kind: 'system-error', count: 1 });
    sandbox.injectFault({ route: 'create', kind: 'drop', count: 1 });
    const input = createInput(config, { out_order_no: orderNo() });
    const order = await client.create(input);
    assert.equal(order.state, 'CREATED');
    assert.equal(sent.length, 3);
    assert.equal(new Set(sent.map((r) => r.body)).size, 1);
  });

  it('never retries a 4xx, 429 included', async () => {
    const { client, sent, config } = recordingClient(sandbox);
    sandbox.injectFault({ route: 'create', kind: 'rate-limited', count: 1 });
    await assert.rejects(
      client.create(createInput(config, { out_order_no: orderNo() })),
      failsWith(ApiError, (e) => assert.equal(e.status, 429)),
    );
    assert.equal(sent.length, 1);
  });

  it('gives up after a bounded number of attempts, each with its own timeout', async () => {
    const { client, sent, config } = recordingClient(sandbox, { retries: 1, timeoutMs: 150 });
    sandbox.injectFault({ route: 'create', kind: 'slow', count: 2, delayMs: 600 });
    await assert.rejects(
      client.create(createInput(config, { out_order_no: orderNo() })),
      failsWith(TransportError, (e) => assert.equal(e.timedOut, true)),
    );
    assert.equal(sent.length, 2);
  });

  it('reports an unknown outcome when a retried complete is refused', async () => {
    const { client } = recordingClient(sandbox);
    const { outOrderNo } = await createConfirmed(sandbox, client);
    sandbox.injectFault({ route: 'complete', kind: 'drop', count: 1 });
    await assert.rejects(client.complete(outOrderNo, completeInput(200)), UncertainOutcomeError);
    const order = await client.query({ out_order_no: outOrderNo });
    assert.equal(order.state_description, 'MCH_COMPLETE');
  });

  for (const [kind, problem] of [
    ['no-signature', 'missing-headers'],
    ['signtest', 'signtest-probe'],
    ['bad-signature', 'bad-signature'],
  ] as const) {
    it(`rejects a reply with ${kind} as ${problem}`, async () => {
      const { client, config } = recordingClient(sandbox);
      sandbox.injectFault({ route: 'create', kind, count: 1 });
      await assert.rejects(
        client.create(createInput(config, { out_order_no: orderNo() })),
        failsWith(SignatureError, (e) => assert.equal(e.problem, problem)),
      );
    });
  }

  it('validates locally before sending anything', async () => {
    const { client, sent, config } = recordingClient(sandbox);
    const input = createInput(config, { out_order_no: 'bad order no' });
    await assert.rejects(client.create(input), ValidationError);
    await assert.rejects(client.cancel('ok-1', 'x'.repeat(51)), /reason: must be at most 50/);
    assert.equal(sent.length, 0);
  });
});

describe('payscore/client against a server that is not WeChat Pay', () => {
  let server: http.Server;
  let hits = 0;
  before(async () => {
    server = http.createServer((_req, res) => {
      hits++;
      res.writeHead(502, { 'Content-Type': 'text/html' }).end('<html>Bad Gateway</html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reports a non-JSON reply clearly and retries it as a 5xx', async () => {
    const sandbox = await memorySandbox();
    const port = (server.address() as AddressInfo).port;
    const config = loadConfig({
      ...sandbox.merchantEnv,
      WECHATPAY_BASE_URL: `http://127.0.0.1:${port}`,
    });
    await sandbox.close();
    const client = new PayScoreClient(config, { backoffMs: 5, retries: 2 });
    await assert.rejects(
      client.query({ out_order_no: 'X-1' }),
      failsWith(ApiError, (e) => {
        assert.equal(e.code, 'HTTP_502');
        assert.equal(e.apiMessage, '<html>Bad Gateway</html>');
      }),
    );
    assert.equal(hits, 3);
  });
});
