import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildConfirmExtraData,
  headerLookup,
  parseNotification,
  SignatureError,
  type PayScoreClient,
} from '../../src/payscore';
import type { Sandbox } from '../../src/sandbox';
import {
  clientFor,
  completeInput,
  createInput,
  memorySandbox,
  startReceiver,
  waitFor,
} from './helpers';

describe('sandbox: notifications', () => {
  let sandbox: Sandbox;
  let client: PayScoreClient;
  before(async () => {
    sandbox = await memorySandbox({ notifyTimeoutMs: 200 });
    client = clientFor(sandbox);
  });
  after(() => sandbox.close());

  const parse = (entry: { headers: http.IncomingHttpHeaders; body: string }) =>
    parseNotification(
      headerLookup(entry.headers),
      entry.body,
      client.config.wechatpayKeys,
      client.config.apiV3Key,
      Date.now() / 1000,
    );
  const createAndConfirm = async (notifyUrl: string) => {
    const config = client.config;
    const created = await client.create(createInput(config, { notify_url: notifyUrl }));
    const extraData = buildConfirmExtraData(
      config.merchant.mchid,
      created.package ?? '',
      config.apiV2Key,
    );
    sandbox.userConfirm({ appid: config.appid, openid: 'oUSER_notify', extraData });
    return created.out_order_no;
  };

  it('sends USER_CONFIRM and USER_PAID, signed and encrypted like WeChat Pay', async () => {
    const receiver = await startReceiver([204]);
    try {
      const no = await createAndConfirm(receiver.url);
      await waitFor(() => receiver.received.length === 1);
      const confirmed = parse(receiver.received[0]);
      assert.equal(confirmed.event_type, 'PAYSCORE.USER_CONFIRM');
      assert.equal(confirmed.summary, '确认订单');
      assert.match(confirmed.create_time ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
      assert.equal(confirmed.order.out_order_no, no);
      assert.equal(confirmed.order.state, 'DOING');
      assert.equal(confirmed.order.state_description, 'USER_CONFIRM');
      assert.equal(confirmed.order.openid, 'oUSER_notify');
      const headers = receiver.received[0].headers;
      assert.equal(headers['wechatpay-signature-type'], 'WECHATPAY2-SHA256-RSA2048');
      const envelope = JSON.parse(receiver.received[0].body);
      assert.equal(envelope.resource_type, 'encrypt-resource');
      assert.equal(envelope.resource.original_type, 'payscore');
      assert.equal(envelope.resource.associated_data, 'payscore');
      assert.equal(envelope.resource.nonce.length, 12);

      await client.complete(no, completeInput(300));
      sandbox.deduct(no, 'paid');
      await waitFor(() => receiver.received.length === 2);
      const paid = parse(receiver.received[1]);
      assert.equal(paid.event_type, 'PAYSCORE.USER_PAID');
      assert.equal(paid.summary, '支付成功');
      assert.equal(paid.order.state, 'DONE');
      assert.equal(paid.order.collection?.state, 'USER_PAID');
      assert.match(paid.order.collection?.details?.[0]?.transaction_id ?? '', /^4200\d{24}$/);

      await sandbox.notificationsSettled();
      const records = sandbox.notifications().filter((item) => item.out_order_no === no);
      assert.deepEqual(
        records.map((item) => [item.event_type, item.state, item.attempts.map((a) => a.status)]),
        [
          ['PAYSCORE.USER_CONFIRM', 'delivered', [204]],
          ['PAYSCORE.USER_PAID', 'delivered', [204]],
        ],
      );
    } finally {
      await receiver.close();
    }
  });

  it('retries after 500s and records every attempt; gives up after the last delay', async () => {
    const flaky = await startReceiver([500, 500, 200]);
    const broken = await startReceiver([500]);
    try {
      const retried = await createAndConfirm(flaky.url);
      const abandoned = await createAndConfirm(broken.url);
      await sandbox.notificationsSettled();
      const record = (no: string) =>
        sandbox.notifications().find((item) => item.out_order_no === no);
      assert.equal(record(retried)?.state, 'delivered');
      assert.deepEqual(
        record(retried)?.attempts.map((a) => a.status),
        [500, 500, 200],
      );
      assert.equal(record(abandoned)?.state, 'failed');
      assert.deepEqual(
        record(abandoned)?.attempts.map((a) => a.status),
        [500, 500, 500, 500],
      );
      assert.deepEqual(
        record(abandoned)?.attempts.map((a) => a.attempt),
        [1, 2, 3, 4],
      );
      assert.equal(flaky.received.length, 3);
    } finally {
      await Promise.all([flaky.close(), broken.close()]);
    }
  });

  it('counts no answer within notifyTimeoutMs as a failed attempt', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/notify`;
    try {
      const no = await createAndConfirm(url);
      await sandbox.notificationsSettled();
      const record = sandbox.notifications().find((item) => item.out_order_no === no);
      assert.equal(record?.state, 'failed');
      assert.equal(record?.attempts.length, 4);
      assert.equal(record?.attempts[0].error, 'no answer within 200 ms');
    } finally {
      silent.closeAllConnections();
      await new Promise((done) => silent.close(done));
    }
  });

  it('never contacts a notify_url that is not loopback', async () => {
    for (const url of ['https://merchant.example.com/payscore/notify', 'http://10.0.0.1/notify']) {
      const no = await createAndConfirm(url);
      const record = sandbox.notifications().find((item) => item.out_order_no === no);
      assert.equal(record?.state, 'not-delivered');
      assert.deepEqual(record?.attempts, []);
      assert.match(record?.reason ?? '', /not loopback/);
    }
  });

  it('a SIGNTEST probe is rejected by the receiver, then delivered genuine', async () => {
    const statuses: number[] = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        try {
          parse({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
          res.statusCode = 204;
        } catch (error) {
          res.statusCode = error instanceof SignatureError ? 401 : 500;
        }
        statuses.push(res.statusCode);
        res.end();
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      sandbox.injectFault({ route: 'notify', kind: 'signtest', count: 1 });
      sandbox.injectFault({ route: 'notify', kind: 'bad-signature', count: 1 });
      const no = await createAndConfirm(
        `http://127.0.0.1:${(server.address() as AddressInfo).port}/n`,
      );
      await sandbox.notificationsSettled();
      const record = sandbox.notifications().find((item) => item.out_order_no === no);
      assert.deepEqual(statuses, [401, 401, 204]);
      assert.deepEqual(
        record?.attempts.map((a) => a.fault),
        ['signtest', 'bad-signature', undefined],
      );
      assert.equal(record?.state, 'delivered');
    } finally {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  });

  it('delivers to its own sink by default', async () => {
    const no = await createAndConfirm(client.config.notifyUrl);
    await sandbox.notificationsSettled();
    const entry = sandbox.sinkEntries().find((item) => parse(item).order.out_order_no === no);
    assert.ok(entry, 'the sink received the notification');
    assert.equal(entry.headers['wechatpay-serial'], client.config.wechatpayKeys.publicKey?.id);
  });
});
