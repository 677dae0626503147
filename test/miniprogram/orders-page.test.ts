/** The "我的订单" page: newest first, Chinese status titles, tap to open, empty and error states. */
import { strict as assert } from 'node:assert';
import { startRig } from './support/rig';

const ORDER = 'FAKE-ORDER-0001';

describe('miniprogram/pages/orders', () => {
  it('lists the orders newest first, with their status in Chinese', async () => {
    const rig = startRig();
    const now = rig.cloud.now;
    rig.cloud.seed({ out_order_no: 'FAKE-ORDER-0001', createdAt: now - 7_200_000, status: 'PAID' });
    rig.cloud.seed({ out_order_no: 'FAKE-ORDER-0003', createdAt: now, status: 'IN_SERVICE' });
    rig.cloud.seed({ out_order_no: 'FAKE-ORDER-0002', createdAt: now - 3_600_000 });
    await rig.mp.settle();

    const page = rig.mp.openPage('pages/orders/index');
    await rig.mp.settle();

    const items = page.data.orders as { outOrderNo: string; statusTitle: string }[];
    assert.deepEqual(
      items.map((item) => [item.outOrderNo, item.statusTitle]),
      [
        ['FAKE-ORDER-0003', '服务中'],
        ['FAKE-ORDER-0002', '等待确认'],
        ['FAKE-ORDER-0001', '已支付'],
      ],
    );
  });

  it('opens an order on tap, and shows the empty and error states', async () => {
    const rig = startRig();
    rig.cloud.replyNext('list', { ok: false, code: 'INTERNAL', message: '服务繁忙，请稍后重试' });
    const page = rig.mp.openPage('pages/orders/index');
    await rig.mp.settle();
    assert.equal(page.data.error, '服务繁忙，请稍后重试');

    page.tap('onRetryTap');
    await rig.mp.settle();
    assert.deepEqual(page.data.orders, []);

    rig.cloud.seed({ out_order_no: ORDER });
    page.tap('onOrderTap', { outOrderNo: ORDER });
    await rig.mp.settle();
    assert.equal(rig.mp.currentPage()?.route, 'pages/order/index');
    assert.equal(rig.mp.currentPage()?.data.outOrderNo, ORDER);
  });
});
