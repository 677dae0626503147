import { strict as assert } from 'node:assert';
import { formatBeijingTime, type PayScoreClient } from '../../src/payscore';
import type { Sandbox } from '../../src/sandbox';
import {
  apiError,
  clientFor,
  completeInput,
  createConfirmed,
  createInput,
  memorySandbox,
} from './helpers';

const INVALID_STATE = apiError(400, 'INVALID_REQUEST', '当前订单状态不合法');

describe('sandbox: the order state machine', () => {
  let sandbox: Sandbox;
  let client: PayScoreClient;
  let offsetMs = 0;
  const now = () => Date.now() + offsetMs;
  before(async () => {
    sandbox = await memorySandbox({ now });
    client = clientFor(sandbox, { now });
  });
  after(() => sandbox.close());

  it('CREATED: complete, modify, pay and sync are refused', async () => {
    const { out_order_no: no } = await client.create(createInput(client.config));
    await assert.rejects(client.complete(no, completeInput(100)), INVALID_STATE);
    await assert.rejects(
      client.modify(no, {
        post_payments: [{ name: 'a', amount: 1 }],
        total_amount: 1,
        reason: 'r',
      }),
      INVALID_STATE,
    );
    await assert.rejects(client.pay(no), INVALID_STATE);
    await assert.rejects(client.sync(no, formatBeijingTime(Date.now())), INVALID_STATE);
    assert.equal(sandbox.order(no)?.order.state, 'CREATED');
  });

  it('USER_CONFIRM: pay and sync are refused; completing twice is refused', async () => {
    const { outOrderNo } = await createConfirmed(sandbox, client);
    await assert.rejects(client.pay(outOrderNo), INVALID_STATE);
    await assert.rejects(client.sync(outOrderNo, formatBeijingTime(Date.now())), INVALID_STATE);
    await client.complete(outOrderNo, completeInput(100));
    await assert.rejects(client.complete(outOrderNo, completeInput(100)), INVALID_STATE);
  });

  it('MCH_COMPLETE: cancel is refused; modify only lowers the total', async () => {
    const { outOrderNo } = await createConfirmed(sandbox, client);
    await client.complete(outOrderNo, completeInput(200));
    await assert.rejects(client.cancel(outOrderNo, '取消'), INVALID_STATE);
    const same = { post_payments: [{ name: 'a', amount: 200 }], total_amount: 200, reason: '调价' };
    await assert.rejects(client.modify(outOrderNo, same), apiError(400, 'PARAM_ERROR'));
    const lower = { ...same, post_payments: [{ name: 'a', amount: 150 }], total_amount: 150 };
    assert.equal((await client.modify(outOrderNo, lower)).total_amount, 150);
  });

  it('REVOKED and DONE are terminal', async () => {
    const revoked = await client.create(createInput(client.config));
    await client.cancel(revoked.out_order_no, '用户取消');
    await assert.rejects(
      client.cancel(revoked.out_order_no, '再取消'),
      apiError(400, 'ORDER_CANCELED'),
    );
    await assert.rejects(client.complete(revoked.out_order_no, completeInput(1)), INVALID_STATE);

    const { outOrderNo } = await createConfirmed(sandbox, client);
    await client.complete(outOrderNo, completeInput(100));
    sandbox.deduct(outOrderNo, 'paid');
    await assert.rejects(client.cancel(outOrderNo, '取消'), apiError(400, 'ORDER_DONE'));
    await assert.rejects(client.pay(outOrderNo), INVALID_STATE);
    assert.throws(() => sandbox.deduct(outOrderNo, 'paid'), /当前订单状态不合法/);
  });

  it('a CREATED order left alone for 30 days is EXPIRED', async () => {
    const { out_order_no: no } = await client.create(createInput(client.config));
    offsetMs = 30 * 24 * 60 * 60 * 1000;
    try {
      const expired = await client.query({ out_order_no: no });
      assert.equal(expired.state, 'EXPIRED');
      await assert.rejects(client.cancel(no, '过期'), INVALID_STATE);
    } finally {
      offsetMs = 0;
    }
  });
});
