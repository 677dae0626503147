import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import * as net from 'node:net';
import * as vm from 'node:vm';
import type { Sandbox } from '../../src/sandbox';
import { clientFor, createInput, memorySandbox, rawRequest, signedRequest } from './helpers';

const PATH = '/v3/payscore/serviceorder';

describe('sandbox: bad input never takes it down', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await memorySandbox();
  });
  after(() => sandbox.close());

  const stillAnswers = async () => {
    const reply = await rawRequest(sandbox.baseUrl, { path: '/sandbox/merchant' });
    assert.equal(reply.status, 200);
  };

  it('malformed or non-object JSON → 400 PARAM_ERROR', async () => {
    for (const body of ['{"appid":', '[1,2]', '']) {
      const reply = await signedRequest(sandbox, 'POST', PATH, body);
      assert.equal(reply.status, 400, body);
      assert.equal(JSON.parse(reply.body).code, 'PARAM_ERROR');
    }
    await stillAnswers();
  });

  it('a body over 64 KiB is refused without being read, declared or streamed', async () => {
    const big = Buffer.alloc(100 * 1024, 'a');
    const declared = await rawRequest(sandbox.baseUrl, {
      method: 'POST',
      path: PATH,
      body: big,
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(declared.status, 413);
    assert.equal(JSON.parse(declared.body).code, 'PARAM_ERROR');

    const streamed = await new Promise<number>((resolve, reject) => {
      const req = http.request(new URL(PATH, sandbox.baseUrl), { method: 'POST', agent: false });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(big.subarray(0, 40 * 1024));
      req.end(big.subarray(0, 40 * 1024));
    });
    assert.equal(streamed, 413);
    await stillAnswers();
  });

  it('wrong method → 405 with Allow; unknown path → 404; both JSON', async () => {
    const cases: [string, string, number, string | undefined][] = [
      ['DELETE', PATH, 405, 'GET, POST'],
      ['GET', `${PATH}/A-1/cancel`, 405, 'POST'],
      ['GET', `${PATH}/A-1/refund`, 404, undefined],
      ['GET', '/v3/pay/transactions', 404, undefined],
      ['GET', '/nowhere', 404, undefined],
      ['PUT', '/sandbox/orders', 405, 'GET'],
      ['GET', '/sandbox/nothing-here', 404, undefined],
    ];
    for (const [method, path, status, allow] of cases) {
      const reply = await rawRequest(sandbox.baseUrl, { method, path });
      assert.equal(reply.status, status, `${method} ${path}`);
      assert.equal(reply.headers.allow, allow);
      assert.match(JSON.parse(reply.body).code, /^[A-Z_]+$/);
    }
    await stillAnswers();
  });

  it('garbage on the socket gets 400 and the server carries on', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(new URL(sandbox.baseUrl).port), '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
      socket.end('NOT HTTP AT ALL\r\n\r\n');
    });
    assert.match(answer, /^HTTP\/1\.1 400/);
    await stillAnswers();
  });

  it('sandbox routes need JSON for POST and a loopback Host', async () => {
    const form = await rawRequest(sandbox.baseUrl, {
      method: 'POST',
      path: '/sandbox/faults',
      body: 'route=query&kind=drop',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(form.status, 415);
    const rebound = await rawRequest(sandbox.baseUrl, {
      path: '/sandbox/orders',
      headers: { Host: 'attacker.example:80' },
    });
    assert.equal(rebound.status, 403);
  });

  it('serves the page as self-contained HTML', async () => {
    const page = await rawRequest(sandbox.baseUrl, { path: '/' });
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(page.body, /Pay Score sandbox/);
    assert.doesNotMatch(page.body, /(src|href)="https?:/);
    const script = /<script>([\s\S]*)<\/script>/.exec(page.body)?.[1] ?? '';
    assert.doesNotThrow(() => new vm.Script(script), 'the inline script parses');
  });

  it('keeps at most maxOrders, evicting the oldest finished order first', async () => {
    const small = await memorySandbox({ maxOrders: 3 });
    try {
      const client = clientFor(small);
      const numbers: string[] = [];
      for (let i = 0; i < 3; i++)
        numbers.push((await client.create(createInput(client.config))).out_order_no);
      await client.cancel(numbers[1], '腾出空间');
      numbers.push((await client.create(createInput(client.config))).out_order_no);
      assert.deepEqual(
        small.orders().map((item) => item.order.out_order_no),
        [numbers[0], numbers[2], numbers[3]],
      );
      numbers.push((await client.create(createInput(client.config))).out_order_no);
      assert.deepEqual(
        small.orders().map((item) => item.order.out_order_no),
        [numbers[2], numbers[3], numbers[4]],
      );
    } finally {
      await small.close();
    }
  });
});
