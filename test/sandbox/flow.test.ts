import { strict as assert } from 'node:assert';
import {
  buildConfirmExtraData,
  formatBeijingTime,
  orderStatus,
  type PayScoreClient,
} from '../../src/payscore';
import type { Sandbox } from '../../src/sandbox';
import {
  apiError,
  clientFor,
  completeInput,
  createConfirmed,
  createInput,
  memorySandbox,
  waitFor,
} from './helpers';

describe('sandbox: confirm-mode flow with the core client', () => {
  let sandbox: Sandbox;
  let client: PayScoreClient;
  before(async () => {
    sandbox = await memorySandbox();
    client = clientFor(sandbox);
  });
  after(() => sandbox.close());

  it('create → confirm → query by query_id and out_order_no → complete → deduct', async () => {
    const config = client.config;
    const created = await client.create(createInput(config));
    assert.equal(created.state, 'CREATED');
    assert.equal(created.state_description, undefined);
    assert.equal(created.mchid, config.merchant.mchid);
    assert.equal(created.appid, config.appid);
    assert.equal(created.service_id, config.serviceId);
    assert.match(created.order_id ?? '', /^\d{28}$/);
    assert.ok((created.package ?? '').length >= 200, 'package is about 250 characters');
    assert.equal(created.service_introduction, '充电宝租借');

    const extraData = buildConfirmExtraData(
      config.merchant.mchid,
      created.package ?? '',
      config.apiV2Key,
    );
    const back = sandbox.userConfirm({ appid: config.appid, openid: 'oUSER_flow', extraData });
    assert.equal(back.confirmed, true);
    assert.equal(back.out_order_no, created.out_order_no);
    assert.ok(back.query_id);
    assert.deepEqual(back.referrer_info.extraData, { query_id: back.query_id });

    const byQueryId = await client.query({ query_id: back.query_id ?? '' });
    const byOrderNo = await client.query({ out_order_no: created.out_order_no });
    assert.deepEqual(byQueryId, byOrderNo);
    assert.equal(byOrderNo.state, 'DOING');
    assert.equal(byOrderNo.state_description, 'USER_CONFIRM');
    assert.equal(byOrderNo.openid, 'oUSER_flow');
    assert.equal(byOrderNo.package, undefined, 'query does not repeat the package');
    assert.equal(orderStatus(byOrderNo), 'IN_SERVICE');

    const completed = await client.complete(created.out_order_no, completeInput(250));
    assert.equal(completed.state, 'DOING');
    assert.equal(completed.state_description, 'MCH_COMPLETE');
    assert.equal(completed.total_amount, 250);
    assert.equal(completed.need_collection, true);
    assert.deepEqual(completed.collection, {
      state: 'USER_PAYING',
      total_amount: 250,
      paying_amount: 250,
      paid_amount: 0,
      details: [],
    });

    sandbox.deduct(created.out_order_no, 'paid');
    const done = await client.query({ out_order_no: created.out_order_no });
    assert.equal(done.state, 'DONE');
    assert.equal(done.state_description, undefined);
    assert.equal(done.collection?.state, 'USER_PAID');
    assert.equal(done.collection?.paid_amount, 250);
    assert.equal(done.collection?.paying_amount, 0);
    const detail = done.collection?.details?.[0];
    assert.equal(detail?.paid_type, 'NEWTON');
    assert.equal(detail?.amount, 250);
    assert.match(detail?.transaction_id ?? '', /^4200\d{24}$/);
    assert.equal(orderStatus(done), 'PAID');
  });

  it('modify lowers the fee, pay is accepted, sync ends the order as paid', async () => {
    const { outOrderNo } = await createConfirmed(sandbox, client, 'oUSER_sync');
    await client.complete(outOrderNo, completeInput(300));

    const modified = await client.modify(outOrderNo, {
      post_payments: [{ name: '租借费', amount: 300 }],
      post_discounts: [{ name: '新用户', description: '首单优惠', amount: 100 }],
      total_amount: 200,
      reason: '首单优惠',
    });
    assert.equal(modified.total_amount, 200);
    assert.equal(modified.collection?.paying_amount, 200);

    const paid = await client.pay(outOrderNo);
    assert.deepEqual(Object.keys(paid).sort(), [
      'appid',
      'mchid',
      'order_id',
      'out_order_no',
      'service_id',
    ]);
    sandbox.deduct(outOrderNo, 'unpaid');
    assert.equal(sandbox.order(outOrderNo)?.deduction_attempts, 2);

    const synced = await client.sync(outOrderNo, formatBeijingTime(Date.now()));
    assert.equal(synced.state, 'DONE');
    assert.equal(synced.collection?.state, 'USER_PAID');
    assert.equal(synced.collection?.details?.[0]?.paid_type, 'MCH');
    assert.equal(synced.collection?.details?.[0]?.transaction_id, undefined);
  });

  it('cancel revokes a created order and a confirmed one', async () => {
    const config = client.config;
    const first = await client.create(createInput(config));
    const reply = await client.cancel(first.out_order_no, '用户未使用');
    assert.deepEqual(reply, {
      appid: config.appid,
      mchid: config.merchant.mchid,
      out_order_no: first.out_order_no,
      service_id: config.serviceId,
      order_id: first.order_id,
    });
    assert.equal((await client.query({ out_order_no: first.out_order_no })).state, 'REVOKED');

    const second = await createConfirmed(sandbox, client, 'oUSER_cancel');
    await client.cancel(second.outOrderNo, '设备故障');
    assert.equal((await client.query({ out_order_no: second.outOrderNo })).state, 'REVOKED');
  });

  it('answers an identical create with the same order, refuses a changed one', async () => {
    const input = createInput(client.config);
    const first = await client.create(input);
    const again = await client.create({ ...input });
    assert.equal(again.order_id, first.order_id);
    assert.equal(again.package, first.package);
    assert.equal(
      sandbox.orders().filter((o) => o.order.out_order_no === input.out_order_no).length,
      1,
    );

    await assert.rejects(
      client.create({ ...input, service_introduction: '另一个服务' }),
      apiError(400, 'INVALID_REQUEST', '订单重入参数校验失败'),
    );
  });

  it('with autoDeductMs, Pay Score collects by itself after complete', async () => {
    const auto = await memorySandbox({ autoDeductMs: 10 });
    try {
      const autoClient = clientFor(auto);
      const { outOrderNo } = await createConfirmed(auto, autoClient);
      await autoClient.complete(outOrderNo, completeInput(120));
      await waitFor(() => auto.order(outOrderNo)?.order.state === 'DONE');
      assert.equal(auto.order(outOrderNo)?.order.collection?.paid_amount, 120);
    } finally {
      await auto.close();
    }
  });
});
