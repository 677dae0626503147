import { strict as assert } from 'node:assert';
import { SignatureError, TransportError, type PayScoreClient } from '../../src/payscore';
import type { Sandbox } from '../../src/sandbox';
import { apiError, clientFor, createInput, memorySandbox, rawRequest } from './helpers';

describe('sandbox: injected faults, as the core client sees them', () => {
  let sandbox: Sandbox;
  let client: PayScoreClient;
  let existing: string;
  before(async () => {
    sandbox = await memorySandbox();
    client = clientFor(sandbox);
    existing = (await client.create(createInput(client.config))).out_order_no;
  });
  after(() => sandbox.close());
  afterEach(() => sandbox.clearFaults());

  const query = () => client.query({ out_order_no: existing });
  const queryStatuses = () =>
    sandbox
      .calls()
      .filter((call) => call.route === 'query')
      .map((call) => call.status);

  it('system-error: a 500 SYSTEM_ERROR is retried, and surfaces once retries run out', async () => {
    const before = queryStatuses().length;
    sandbox.injectFault({ route: 'query', kind: 'system-error', count: 1 });
    assert.equal((await query()).out_order_no, existing);
    assert.deepEqual(queryStatuses().slice(before), [500, 200]);

    sandbox.injectFault({ route: 'query', kind: 'system-error', count: 3 });
    await assert.rejects(query(), apiError(500, 'SYSTEM_ERROR'));
  });

  it('rate-limited: 429 FREQUENCY_LIMITED, not retried', async () => {
    const before = queryStatuses().length;
    sandbox.injectFault({ route: 'query', kind: 'rate-limited', count: 1 });
    await assert.rejects(query(), apiError(429, 'FREQUENCY_LIMITED'));
    assert.deepEqual(queryStatuses().slice(before), [429]);
  });

  it('slow: a client with a shorter timeout gives up with a TransportError', async () => {
    sandbox.injectFault({ route: 'query', kind: 'slow', delayMs: 400, count: 1 });
    const impatient = clientFor(sandbox, { timeoutMs: 100, retries: 0 });
    await assert.rejects(
      impatient.query({ out_order_no: existing }),
      (error: unknown) => error instanceof TransportError && error.timedOut,
    );
    assert.equal((await query()).out_order_no, existing);
  });

  it('drop: the socket is destroyed after the step took effect', async () => {
    sandbox.injectFault({ route: 'query', kind: 'drop', count: 3 });
    await assert.rejects(query(), (error: unknown) => error instanceof TransportError);

    sandbox.injectFault({ route: 'create', kind: 'drop', count: 1 });
    const input = createInput(client.config);
    const created = await client.create(input);
    assert.equal(created.out_order_no, input.out_order_no, 'the retry met the idempotent create');
    const creates = sandbox
      .calls()
      .filter((call) => call.route === 'create')
      .slice(-2);
    assert.deepEqual(
      creates.map((call) => [call.status, call.fault]),
      [
        [0, 'drop'],
        [200, undefined],
      ],
    );
  });

  it('signature faults reach the client as SignatureError problems', async () => {
    const cases = [
      ['no-signature', 'missing-headers'],
      ['signtest', 'signtest-probe'],
      ['bad-signature', 'bad-signature'],
    ] as const;
    for (const [kind, problem] of cases) {
      sandbox.injectFault({ route: 'query', kind, count: 1 });
      await assert.rejects(
        query(),
        (error: unknown) => error instanceof SignatureError && error.problem === problem,
      );
    }
    assert.equal((await query()).out_order_no, existing);
  });

  it('faults can be injected, listed and cleared over HTTP', async () => {
    const json = { 'Content-Type': 'application/json' };
    const add = await rawRequest(sandbox.baseUrl, {
      method: 'POST',
      path: '/sandbox/faults',
      headers: json,
      body: JSON.stringify({ route: 'complete', kind: 'rate-limited', count: 2 }),
    });
    assert.equal(add.status, 200);
    assert.deepEqual(JSON.parse(add.body), [
      { route: 'complete', kind: 'rate-limited', remaining: 2, delayMs: 1000 },
    ]);
    const bad = await rawRequest(sandbox.baseUrl, {
      method: 'POST',
      path: '/sandbox/faults',
      headers: json,
      body: JSON.stringify({ route: 'notify', kind: 'system-error' }),
    });
    assert.equal(bad.status, 400);
    await rawRequest(sandbox.baseUrl, { method: 'DELETE', path: '/sandbox/faults' });
    const list = await rawRequest(sandbox.baseUrl, { path: '/sandbox/faults' });
    assert.deepEqual(JSON.parse(list.body), []);
  });
});
