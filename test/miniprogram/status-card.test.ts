/**
 * WXML rendering with miniprogram-simulate: the status card component for every status the
 * server can report, and the order page's template filled with the data the real page code
 * produced for that status (so logic and template are checked together).
 */
import { strict as assert } from 'node:assert';
import type { OrderStatus } from '../../miniprogram/services/contract';
import { startOrder, startRig } from './support/rig';
import { container, openSimulate, readWxml, texts } from './support/simulate';
import type { SimulateSession } from './support/simulate';

const CASES: [OrderStatus, string, string[]][] = [
  ['WAITING_FOR_USER', '等待确认', ['前往微信支付分确认', '再次查询', '取消订单']],
  ['IN_SERVICE', '服务中', ['结束服务']],
  ['COLLECTING', '已结束，扣款中', ['再次查询']],
  ['PAID', '已支付', []],
  ['REVOKED', '已取消', []],
  ['EXPIRED', '已过期', []],
];

const ACTIONS: Record<OrderStatus, ('cancel' | 'finish')[]> = {
  WAITING_FOR_USER: ['cancel'],
  IN_SERVICE: ['finish'],
  COLLECTING: [],
  PAID: [],
  REVOKED: [],
  EXPIRED: [],
};

describe('miniprogram WXML (rendered with miniprogram-simulate)', () => {
  let session: SimulateSession;
  let cardPath: string;

  before(() => {
    session = openSimulate();
    cardPath = session.component('components/status-card');
  });

  after(() => session.close());

  function renderCard(properties: Record<string, string>) {
    const { simulate } = session;
    const card = simulate.render(simulate.load(cardPath), properties);
    card.attach(container());
    return {
      title: texts(card.dom, '.main--status__title')[0],
      metric: texts(card.dom, '.main--status__metric')[0],
    };
  }

  for (const [status, title] of CASES) {
    it(`status card: ${status} reads "${title}"`, () => {
      assert.equal(renderCard({ status }).title, title);
    });
  }

  it('status card: elapsed time only in service, the amount once finished', () => {
    const figures = { elapsedText: '1:05', amountText: '¥4.00' };
    assert.equal(renderCard({ status: 'IN_SERVICE', ...figures }).metric, '已使用1:05');
    assert.equal(renderCard({ status: 'COLLECTING', ...figures }).metric, '待扣金额¥4.00');
    assert.equal(renderCard({ status: 'PAID', ...figures }).metric, '实付金额¥4.00');
    assert.equal(renderCard({ status: 'WAITING_FOR_USER', ...figures }).metric, undefined);
    assert.equal(renderCard({ status: 'REVOKED', ...figures }).metric, undefined);
  });

  it('status card: an unknown status is never read as paid', () => {
    assert.equal(renderCard({ status: 'SOMETHING_NEW', amountText: '¥4.00' }).title, '状态未知');
  });

  for (const [status, title, buttons] of CASES) {
    const shown = `"${title}", buttons ${buttons.join('/') || 'none'}`;
    it(`order page: ${status} shows ${shown}`, async () => {
      const data = await orderPageData(status);
      const { simulate } = session;
      const cardId = simulate.load(cardPath, 'status-card');
      const page = simulate.render(
        simulate.load({
          template: readWxml('pages/order'),
          usingComponents: { 'status-card': cardId },
        }),
      );
      page.attach(container());
      page.setData(data);

      assert.deepEqual(texts(page.dom, '.status-card--status__title'), [title]);
      assert.deepEqual(texts(page.dom, 'wx-button'), buttons);
      assert.equal(texts(page.dom, 'wx-button').includes('结束服务'), status === 'IN_SERVICE');
    });
  }
});

/** The data the real order page code sets for an order in this status. */
async function orderPageData(status: OrderStatus): Promise<Record<string, unknown>> {
  const rig = startRig({ visit: 'confirm' });
  const outOrderNo = await startOrder(rig);
  const page = rig.mp.currentPage();
  if (status !== 'WAITING_FOR_USER') {
    rig.cloud.update(outOrderNo, { status, actions: ACTIONS[status], totalAmount: 400 });
    page?.tap('onCheckAgainTap');
    await rig.mp.settle();
  }
  return structuredClone(page?.data ?? {});
}
