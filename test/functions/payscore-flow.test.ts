import { strict as assert } from 'node:assert';
import type { Replies } from '../../miniprogram/services/contract';
import { MAX_OPEN_ORDERS } from '../../src/functions/lib/actions';
import { extraDataProblems } from '../../src/payscore';
import { startFunctionRig, type FunctionRig } from '../support/function-rig';

type Ok<A extends keyof Replies> = Extract<Replies[A], { ok: true }>;

function ok<A extends keyof Replies>(reply: Replies[A]): Ok<A> {
  assert.ok(reply.ok, `expected ok, got ${JSON.stringify(reply)}`);
  return reply as Ok<A>;
}

/** Starts a service for `openid` and has the sandbox's user confirm it. */
async function startAndConfirm(rig: FunctionRig, openid: string) {
  const started = ok<'start'>(await rig.call(openid, { action: 'start' }));
  const back = rig.sandbox.userConfirm({
    appid: rig.config.appid,
    openid,
    extraData: started.businessView.extraData,
  });
  await rig.sandbox.notificationsSettled();
  return { started, queryId: back.query_id! };
}

describe('functions/payscore against the sandbox', () => {
  let rig: FunctionRig;
  beforeEach(async () => {
    rig = await startFunctionRig();
  });
  afterEach(async () => rig.close());

  it('runs the happy path to a paid order', async () => {
    const started = ok<'start'>(await rig.call('oAlice', { action: 'start' }));
    const { extraData } = started.businessView;
    assert.deepEqual(extraDataProblems(extraData), []);
    assert.equal(started.order.status, 'WAITING_FOR_USER');
    const reply = JSON.stringify(started);
    for (const secret of [rig.config.apiV2Key, rig.config.apiV3Key, 'PRIVATE KEY']) {
      assert.ok(!reply.includes(secret), 'the start reply leaks a secret');
    }

    const back = rig.sandbox.userConfirm({ appid: rig.config.appid, openid: 'oAlice', extraData });
    await rig.sandbox.notificationsSettled();
    assert.equal((await rig.store.get(started.out_order_no))?.status, 'IN_SERVICE');

    const queried = ok<'query'>(
      await rig.call('oAlice', { action: 'query', query_id: back.query_id! }),
    );
    assert.equal(queried.order.status, 'IN_SERVICE');
    assert.deepEqual(queried.order.actions, ['finish']);

    const no = started.out_order_no;
    const finished = ok<'finish'>(await rig.call('oAlice', { action: 'finish', out_order_no: no }));
    assert.equal(finished.alreadyFinished, false);
    assert.equal(finished.order.status, 'COLLECTING');
    assert.equal(finished.order.totalAmount, 200);

    const again = ok<'finish'>(await rig.call('oAlice', { action: 'finish', out_order_no: no }));
    assert.equal(again.alreadyFinished, true);
    const completes = rig.sandbox.calls().filter((c) => c.route === 'complete');
    assert.equal(completes.length, 1, 'asking twice completes once');

    rig.sandbox.deduct(no, 'paid');
    await rig.sandbox.notificationsSettled();
    const paid = ok<'query'>(await rig.call('oAlice', { action: 'query', out_order_no: no }));
    assert.equal(paid.order.status, 'PAID');
    assert.equal(typeof paid.order.paidAt, 'number');
    const stored = await rig.store.get(no);
    assert.match(stored?.transaction_id ?? '', /\d+/);

    const list = ok<'list'>(await rig.call('oAlice', { action: 'list' }));
    assert.deepEqual(
      list.orders.map((o) => o.out_order_no),
      [no],
    );
  });

  it("refuses another user's order in every action", async () => {
    const { started, queryId } = await startAndConfirm(rig, 'oAlice');
    const no = started.out_order_no;
    for (const request of [
      { action: 'query', out_order_no: no },
      { action: 'query', query_id: queryId },
      { action: 'finish', out_order_no: no },
      { action: 'cancel', out_order_no: no },
    ] as const) {
      const reply = await rig.call('oMallory', request);
      assert.deepEqual(reply, { ok: false, code: 'NOT_FOUND', message: '订单不存在' });
    }
    assert.deepEqual(ok<'list'>(await rig.call('oMallory', { action: 'list' })).orders, []);
    assert.equal((await rig.store.get(no))?.status, 'IN_SERVICE');
  });

  it('refuses a call without a user in the cloud context', async () => {
    const reply = await rig.call(undefined, { action: 'start' });
    assert.deepEqual(reply, {
      ok: false,
      code: 'UNAUTHENTICATED',
      message: '请在微信小程序内使用',
    });
    assert.equal(rig.sandbox.calls().length, 0);
  });

  it('cancels before confirmation once, and then cannot finish', async () => {
    const started = ok<'start'>(await rig.call('oAlice', { action: 'start' }));
    const no = started.out_order_no;
    const cancelled = ok<'cancel'>(
      await rig.call('oAlice', { action: 'cancel', out_order_no: no }),
    );
    assert.equal(cancelled.order.status, 'REVOKED');
    assert.equal(cancelled.alreadyCancelled, false);
    const twice = ok<'cancel'>(await rig.call('oAlice', { action: 'cancel', out_order_no: no }));
    assert.equal(twice.alreadyCancelled, true);
    const finish = await rig.call('oAlice', { action: 'finish', out_order_no: no });
    assert.equal(finish.ok ? 'ok' : finish.code, 'INVALID_STATE');
  });

  it('lets no user cancel a rental in service: it ends by finish, and is paid', async () => {
    const { started } = await startAndConfirm(rig, 'oAlice');
    const no = started.out_order_no;
    const reply = await rig.call('oAlice', { action: 'cancel', out_order_no: no });
    assert.deepEqual(reply, {
      ok: false,
      code: 'INVALID_STATE',
      message: '服务已开始，请结束服务后按实际时长付费',
    });
    assert.equal(rig.sandbox.calls().filter((c) => c.route === 'cancel').length, 0);
    assert.equal(rig.sandbox.order(no)?.order.state, 'DOING');
  });

  it(`lets a user have at most ${MAX_OPEN_ORDERS} open orders`, async () => {
    const started: string[] = [];
    for (let i = 0; i < MAX_OPEN_ORDERS; i++) {
      started.push(ok<'start'>(await rig.call('oAlice', { action: 'start' })).out_order_no);
    }
    const refused = await rig.call('oAlice', { action: 'start' });
    assert.equal(refused.ok ? 'ok' : refused.code, 'INVALID_STATE');
    assert.equal(rig.sandbox.calls().filter((c) => c.route === 'create').length, MAX_OPEN_ORDERS);
    ok<'cancel'>(await rig.call('oAlice', { action: 'cancel', out_order_no: started[0] }));
    ok<'start'>(await rig.call('oAlice', { action: 'start' }));
  });

  it('holds the open-order limit against parallel starts', async () => {
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => rig.call('oBob', { action: 'start' })),
    );
    const started = replies.filter((reply) => reply.ok).length;
    assert.ok(started >= 1 && started <= MAX_OPEN_ORDERS, `${started} started`);
    const open = await rig.store.listByOpenid('oBob', 50);
    assert.equal(open.filter((r) => r.status === 'WAITING_FOR_USER').length, started);
  });

  it('refuses to finish an order the user has not confirmed', async () => {
    const started = ok<'start'>(await rig.call('oAlice', { action: 'start' }));
    const reply = await rig.call('oAlice', {
      action: 'finish',
      out_order_no: started.out_order_no,
    });
    assert.equal(reply.ok ? 'ok' : reply.code, 'INVALID_STATE');
    assert.equal(rig.sandbox.calls().filter((c) => c.route === 'complete').length, 0);
  });
});
