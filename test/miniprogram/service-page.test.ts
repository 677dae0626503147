/**
 * The service page and the call wrapper under it: the plan, its loading and error states, a
 * start that timed out (F19: look for the order, never report "failed"), and app start-up.
 */
import { strict as assert } from 'node:assert';
import { actions, startRig } from './support/rig';

const TIMEOUT = 'Invoking task timed out after 3 seconds';
const ORDER = 'FAKE-ORDER-0001';

describe('miniprogram/pages/service', () => {
  it('shows the fee rule and the waived deposit from the plan action', async () => {
    const { mp } = startRig();
    const page = mp.openPage('pages/service/index');
    assert.equal(page.data.loading, true);

    await mp.settle();

    assert.equal(page.data.loading, false);
    assert.deepEqual(page.data.plan, {
      serviceIntroduction: '共享充电宝租借',
      feeRule: '每小时 2.00 元，封顶 99.00 元',
      feePerHourText: '¥2.00',
      depositText: '¥99.00',
    });
  });

  it('shows the server message when the plan fails, and retries', async () => {
    const rig = startRig();
    rig.cloud.replyNext('plan', { ok: false, code: 'CONFIG_ERROR', message: '服务暂未开通' });
    const page = rig.mp.openPage('pages/service/index');
    await rig.mp.settle();
    assert.equal(page.data.error, '服务暂未开通');

    page.tap('onRetryTap');
    await rig.mp.settle();

    assert.equal(page.data.error, '');
    assert.equal((page.data.plan as { depositText: string }).depositText, '¥99.00');
  });

  it('F19: after a start that timed out, finds the order it created', async () => {
    const rig = startRig();
    rig.cloud.seed({ out_order_no: ORDER });
    rig.cloud.failNext('start', TIMEOUT);
    const page = rig.mp.openPage('pages/service/index');
    await rig.mp.settle();

    page.tap('onStartTap');
    await rig.mp.settle();

    assert.deepEqual(actions(rig.mp), ['plan', 'start', 'list', 'query']);
    assert.equal(rig.mp.currentPage()?.data.outOrderNo, ORDER);
    assert.equal(rig.mp.ui.loading, null, 'the loading toast is gone');
  });

  it('F19: says so when a start timed out and no order exists', async () => {
    const rig = startRig();
    rig.cloud.failNext('start', TIMEOUT);
    const page = rig.mp.openPage('pages/service/index');
    await rig.mp.settle();

    page.tap('onStartTap');
    await rig.mp.settle();

    assert.equal(page.data.notice, '订单未创建成功，请重试');
    assert.equal(rig.mp.currentPage(), page);
  });
});

describe('miniprogram/services/api and app', () => {
  it('turns a network failure and a malformed reply into Chinese messages', async () => {
    const rig = startRig();
    rig.cloud.failNext('plan', 'request:fail net::ERR_INTERNET_DISCONNECTED');
    const page = rig.mp.openPage('pages/service/index');
    await rig.mp.settle();
    assert.equal(page.data.error, '网络异常，请检查网络后重试');

    rig.cloud.replyNext('plan', 'not an object');
    page.tap('onRetryTap');
    await rig.mp.settle();
    assert.equal(page.data.error, '服务返回异常，请稍后重试');

    rig.cloud.replyNext('plan', { ok: true });
    page.tap('onRetryTap');
    await rig.mp.settle();
    assert.equal(page.data.error, '服务返回异常，请稍后重试');
    assert.equal(page.data.loading, false);
  });

  it('initialises CloudBase with traceUser, in the configured environment if any', async () => {
    const plain = startRig();
    assert.deepEqual(plain.mp.cloudInit, { traceUser: true });

    const configured = startRig({ config: { CLOUD_ENV_ID: 'test-env-0000' } });
    assert.deepEqual(configured.mp.cloudInit, { env: 'test-env-0000', traceUser: true });
    assert.equal((configured.mp.app.globalData as { cloudEnv: string }).cloudEnv, 'test-env-0000');
  });
});
