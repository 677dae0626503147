/**
 * The order page against the fake cloud function: each status with the buttons its actions
 * allow, the elapsed-time ticker, finish and cancel, and calls that time out (F19: re-read).
 */
import { strict as assert } from 'node:assert';
import type { OrderStatus } from '../../miniprogram/services/contract';
import { actions, queries, shownStatus, startRig } from './support/rig';
import type { Rig } from './support/rig';

const TIMEOUT = 'Invoking task timed out after 3 seconds';
const TIMEOUT_MESSAGE = '服务繁忙，正在确认订单状态';
const ORDER = 'FAKE-ORDER-0001';

async function openOrder(rig: Rig, outOrderNo = ORDER) {
  await rig.mp.settle();
  const page = rig.mp.openPage('pages/order/index', { out_order_no: outOrderNo });
  await rig.mp.settle();
  return page;
}

describe('miniprogram/pages/order', () => {
  const cases: [OrderStatus, Record<string, unknown>][] = [
    ['WAITING_FOR_USER', { canRefresh: true, canCancel: true, canFinish: false }],
    ['IN_SERVICE', { canRefresh: false, canCancel: false, canFinish: true }],
    ['COLLECTING', { canRefresh: true, canCancel: false, canFinish: false }],
    ['PAID', { canRefresh: false, canCancel: false, canFinish: false }],
    ['REVOKED', { canRefresh: false, canCancel: false, canFinish: false }],
    ['EXPIRED', { canRefresh: false, canCancel: false, canFinish: false }],
  ];
  const actionsOf = (status: OrderStatus) =>
    status === 'WAITING_FOR_USER'
      ? (['cancel'] as const)
      : status === 'IN_SERVICE'
        ? (['finish'] as const)
        : [];

  for (const [status, flags] of cases) {
    it(`shows ${status} with the buttons its actions allow`, async () => {
      const rig = startRig();
      rig.cloud.seed({ out_order_no: ORDER, status, actions: [...actionsOf(status)] });

      const page = await openOrder(rig);

      assert.equal(shownStatus(rig.mp), status);
      for (const [flag, value] of Object.entries(flags)) assert.equal(page.data[flag], value, flag);
    });
  }

  it('shows the amount once known', async () => {
    const rig = startRig();
    rig.cloud.seed({ out_order_no: ORDER, status: 'PAID', totalAmount: 1990, actions: [] });
    const page = await openOrder(rig);
    assert.equal((page.data.order as { amountText: string }).amountText, '¥19.90');
  });

  it('ticks the elapsed time in service, and stops the timer when the page goes', async () => {
    const rig = startRig();
    const confirmedAt = rig.cloud.now - 65_000;
    rig.cloud.seed({ out_order_no: ORDER, status: 'IN_SERVICE', confirmedAt, actions: ['finish'] });
    rig.mp.openPage('pages/service/index');
    const page = await openOrder(rig);
    assert.equal(page.data.elapsedText, '1:05');

    rig.mp.advance(3_600_000);
    assert.equal(page.data.elapsedText, '1:01:05');

    (rig.mp.wx.navigateBack as (option: object) => void)({});
    await rig.mp.settle();
    assert.equal(page.alive, false);
    assert.equal(rig.mp.pendingTimers, 0);
  });

  it('finishes the service after the user agrees, showing what the server returns', async () => {
    const rig = startRig();
    rig.cloud.seed({ out_order_no: ORDER, status: 'IN_SERVICE', actions: ['finish'] });
    const page = await openOrder(rig);

    page.tap('onFinishTap');
    await rig.mp.settle();

    assert.equal(rig.mp.modals[0]?.title, '结束服务');
    assert.equal(shownStatus(rig.mp), 'COLLECTING');
    assert.equal((page.data.order as { amountText: string }).amountText, '¥4.00');
    assert.deepEqual(rig.mp.toasts, [{ title: '服务已结束', icon: 'success' }]);
    assert.equal(page.data.elapsedText, '', 'the time in service stopped ticking');
  });

  it('re-reads an order being collected until the server says it is paid', async () => {
    const rig = startRig();
    rig.cloud.seed({ out_order_no: ORDER, status: 'COLLECTING', totalAmount: 400, actions: [] });
    await openOrder(rig);
    const before = queries(rig.mp).length;

    rig.mp.advance(5000);
    await rig.mp.settle();
    assert.equal(queries(rig.mp).length, before + 1);
    assert.equal(shownStatus(rig.mp), 'COLLECTING');

    rig.cloud.update(ORDER, { status: 'PAID' });
    rig.mp.advance(5000);
    await rig.mp.settle();
    assert.equal(shownStatus(rig.mp), 'PAID');
    assert.equal(rig.mp.pendingTimers, 0, 'no polling once paid');
  });

  it('stops re-reading after two minutes of collecting', async () => {
    const rig = startRig();
    rig.cloud.seed({ out_order_no: ORDER, status: 'COLLECTING', actions: [] });
    rig.mp.openPage('pages/service/index');
    await openOrder(rig);
    const before = queries(rig.mp).length;
    for (let i = 0; i < 30; i++) {
      rig.mp.advance(5000);
      await rig.mp.settle();
    }
    assert.equal(queries(rig.mp).length, before + 24);
    assert.equal(rig.mp.pendingTimers, 0);
  });

  it('cancels only when the user agrees', async () => {
    const rig = startRig();
    rig.cloud.seed({ out_order_no: ORDER });
    const page = await openOrder(rig);

    rig.mp.ui.modalConfirm = false;
    page.tap('onCancelTap');
    await rig.mp.settle();
    assert.equal(actions(rig.mp).includes('cancel'), false);

    rig.mp.ui.modalConfirm = true;
    page.tap('onCancelTap');
    await rig.mp.settle();
    assert.equal(shownStatus(rig.mp), 'REVOKED');
    assert.equal(page.data.canCancel, false);
  });

  it('F19: a finish that timed out is re-read, not reported as failed', async () => {
    const rig = startRig();
    rig.cloud.seed({ out_order_no: ORDER, status: 'IN_SERVICE', actions: ['finish'] });
    const page = await openOrder(rig);
    rig.cloud.failNext('finish', TIMEOUT);
    rig.cloud.update(ORDER, { status: 'COLLECTING', actions: [] });

    page.tap('onFinishTap');
    await rig.mp.settle();

    assert.equal(page.data.notice, TIMEOUT_MESSAGE);
    assert.deepEqual(queries(rig.mp).slice(-1), [{ action: 'query', out_order_no: ORDER }]);
    assert.equal(shownStatus(rig.mp), 'COLLECTING');
  });

  it('re-reads the order when the server says its state moved on', async () => {
    const rig = startRig();
    rig.cloud.seed({ out_order_no: ORDER, status: 'IN_SERVICE', actions: ['cancel'] });
    const page = await openOrder(rig);
    rig.cloud.update(ORDER, { status: 'REVOKED', actions: [] });

    page.tap('onCancelTap');
    await rig.mp.settle();

    assert.equal(page.data.notice, '订单当前状态不能进行该操作');
    assert.equal(shownStatus(rig.mp), 'REVOKED');
  });

  it('keeps the last status on screen when a re-read fails', async () => {
    const rig = startRig();
    rig.cloud.seed({ out_order_no: ORDER });
    const page = await openOrder(rig);
    rig.cloud.failNext('query', 'request:fail timeout');

    page.tap('onCheckAgainTap');
    await rig.mp.settle();

    assert.equal(page.data.notice, TIMEOUT_MESSAGE);
    assert.equal(shownStatus(rig.mp), 'WAITING_FOR_USER');
  });

  it('shows an error page for an unknown order, or without an order number', async () => {
    const rig = startRig();
    const unknown = await openOrder(rig, 'FAKE-ORDER-9999');
    assert.equal(unknown.data.error, '订单不存在');

    const none = rig.mp.openPage('pages/order/index');
    await rig.mp.settle();
    assert.match(String(none.data.error), /缺少订单号/);
  });
});
