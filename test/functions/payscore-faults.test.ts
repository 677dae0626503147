import { strict as assert } from 'node:assert';
import type { Replies } from '../../miniprogram/services/contract';
import { createOrderFunction } from '../../src/functions/lib/order-function';
import { validEnv } from '../support/env';
import { FlakyStore } from '../support/flaky-store';
import { startFunctionRig, type FunctionRig } from '../support/function-rig';

function ok<A extends keyof Replies>(reply: Replies[A]): Extract<Replies[A], { ok: true }> {
  assert.ok(reply.ok, `expected ok, got ${JSON.stringify(reply)}`);
  return reply as Extract<Replies[A], { ok: true }>;
}

describe('functions/payscore when things go wrong', () => {
  let rig: FunctionRig;
  afterEach(async () => rig?.close());

  it('retries a 5xx with the same order and succeeds', async () => {
    rig = await startFunctionRig();
    rig.sandbox.injectFault({ route: 'create', kind: 'system-error', count: 1 });
    const started = ok<'start'>(await rig.call('oAlice', { action: 'start' }));
    const creates = rig.sandbox.calls().filter((c) => c.route === 'create');
    assert.deepEqual(
      creates.map((c) => c.status),
      [500, 200],
    );
    assert.equal((await rig.store.get(started.out_order_no))?.status, 'WAITING_FOR_USER');
  });

  it('keeps the order when WeChat Pay stays down, and says it is being checked', async () => {
    rig = await startFunctionRig();
    rig.sandbox.injectFault({ route: 'create', kind: 'system-error', count: 3 });
    const reply = await rig.call('oAlice', { action: 'start' });
    assert.equal(reply.ok ? 'ok' : reply.code, 'UPSTREAM_TIMEOUT');
    const [kept] = await rig.store.listByOpenid('oAlice', 10);
    assert.equal(kept.status, 'CREATING');
    assert.match(
      rig.logs.join('\n'),
      /\[payscore\] \[start\] ApiError: WeChat Pay replied 500 SYSTEM_ERROR/,
    );
  });

  it('drops an order WeChat Pay never created once a query shows it unknown', async () => {
    rig = await startFunctionRig();
    rig.sandbox.injectFault({ route: 'create', kind: 'system-error', count: 3 });
    assert.equal(
      ((await rig.call('oAlice', { action: 'start' })) as { code?: string }).code,
      'UPSTREAM_TIMEOUT',
    );
    const [kept] = await rig.store.listByOpenid('oAlice', 10);
    const query = await rig.call('oAlice', { action: 'query', out_order_no: kept.out_order_no });
    assert.deepEqual(query, {
      ok: false,
      code: 'NOT_FOUND',
      message: '订单未创建成功，请重新下单',
    });
    assert.equal((await rig.store.get(kept.out_order_no))?.status, 'FAILED');
    assert.deepEqual(ok<'list'>(await rig.call('oAlice', { action: 'list' })).orders, []);
  });

  it('will not cancel on a stale state when WeChat Pay cannot be asked', async () => {
    rig = await startFunctionRig();
    const started = ok<'start'>(await rig.call('oAlice', { action: 'start' }));
    rig.sandbox.injectFault({ route: 'notify', kind: 'drop', count: 10 });
    const { extraData } = started.businessView;
    rig.sandbox.userConfirm({ appid: rig.config.appid, openid: 'oAlice', extraData });
    rig.sandbox.injectFault({ route: 'query', kind: 'system-error', count: 3 });
    const no = started.out_order_no;
    const reply = await rig.call('oAlice', { action: 'cancel', out_order_no: no });
    assert.equal(reply.ok ? 'ok' : reply.code, 'UPSTREAM_TIMEOUT');
    assert.equal(rig.sandbox.order(no)?.order.state, 'DOING');
    assert.equal(rig.sandbox.calls().filter((c) => c.route === 'cancel').length, 0);
  });

  it('times out a slow reply instead of hanging the function', async () => {
    rig = await startFunctionRig({ client: { timeoutMs: 200, retries: 0 } });
    rig.sandbox.injectFault({ route: 'create', kind: 'slow', count: 1, delayMs: 1000 });
    const reply = await rig.call('oAlice', { action: 'start' });
    assert.deepEqual(reply, {
      ok: false,
      code: 'UPSTREAM_TIMEOUT',
      message: '服务繁忙，正在确认订单状态，请稍后刷新',
    });
  });

  it('refuses a reply without signature headers, then completes once on the retry', async () => {
    rig = await startFunctionRig();
    const started = ok<'start'>(await rig.call('oAlice', { action: 'start' }));
    const { extraData } = started.businessView;
    rig.sandbox.userConfirm({ appid: rig.config.appid, openid: 'oAlice', extraData });
    await rig.sandbox.notificationsSettled();

    rig.sandbox.injectFault({ route: 'complete', kind: 'no-signature', count: 1 });
    const no = started.out_order_no;
    const first = await rig.call('oAlice', { action: 'finish', out_order_no: no });
    assert.equal(first.ok ? 'ok' : first.code, 'UPSTREAM_ERROR');
    assert.match(rig.logs.join('\n'), /SignatureError: WeChat Pay signature headers missing/);

    const second = ok<'finish'>(await rig.call('oAlice', { action: 'finish', out_order_no: no }));
    assert.equal(second.alreadyFinished, true);
    assert.equal(second.order.status, 'COLLECTING');
  });

  it('still hands out the confirm page when saving after create fails', async () => {
    const store = new FlakyStore();
    rig = await startFunctionRig({ store });
    store.failures = 1;
    const started = ok<'start'>(await rig.call('oAlice', { action: 'start' }));
    assert.equal((await store.get(started.out_order_no))?.status, 'CREATING');

    const { extraData } = started.businessView;
    rig.sandbox.userConfirm({ appid: rig.config.appid, openid: 'oAlice', extraData });
    await rig.sandbox.notificationsSettled();
    assert.equal((await store.get(started.out_order_no))?.status, 'IN_SERVICE');
  });

  it('reports a finish WeChat Pay completed as finished even when saving it fails', async () => {
    const store = new FlakyStore();
    rig = await startFunctionRig({ store });
    const started = ok<'start'>(await rig.call('oAlice', { action: 'start' }));
    const { extraData } = started.businessView;
    rig.sandbox.userConfirm({ appid: rig.config.appid, openid: 'oAlice', extraData });
    await rig.sandbox.notificationsSettled();

    const no = started.out_order_no;
    store.failures = 1;
    const finished = ok<'finish'>(await rig.call('oAlice', { action: 'finish', out_order_no: no }));
    assert.equal(finished.order.status, 'COLLECTING');
    assert.equal(finished.alreadyFinished, false);
    assert.match(rig.logs.join('\n'), /completed, local update failed/);
    const later = ok<'query'>(await rig.call('oAlice', { action: 'query', out_order_no: no }));
    assert.equal(later.order.status, 'COLLECTING');
  });

  it('answers every call with a configuration error, naming variables but no values', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (line: string) => errors.push(line);
    try {
      const env = { ...validEnv(), WECHATPAY_APIV3_KEY: 'my-secret-v3' };
      const main = createOrderFunction(
        { openid: () => 'oAlice', database: () => assert.fail('no database') },
        env,
      );
      const reply = await main({ action: 'plan' });
      assert.deepEqual(reply, {
        ok: false,
        code: 'CONFIG_ERROR',
        message: '支付分服务配置有误，请联系商家',
      });
      assert.match(errors.join('\n'), /WECHATPAY_APIV3_KEY must be 32 characters/);
      assert.ok(!errors.join('\n').includes('my-secret-v3'));
    } finally {
      console.error = original;
    }
  });
});
