import { strict as assert } from 'node:assert';
import { feeRule, feeSummary, serviceFee } from '../../src/functions/lib/plan';
import { patchFromOrder } from '../../src/functions/lib/snapshot';
import type { OrderRecord } from '../../src/functions/lib/store/order-store';
import { LIMITS, formatBeijingTime } from '../../src/payscore';

const HOUR = 3_600_000;
const CREATED = Date.UTC(2026, 11, 4, 1, 0, 0);
const RECORD: OrderRecord = {
  out_order_no: 'PS1',
  openid: 'oUser',
  status: 'WAITING_FOR_USER',
  service_introduction: '共享充电宝租借',
  fee_per_hour: 200,
  risk_fund_amount: 9900,
  created_at: CREATED,
  updated_at: CREATED,
  version: 1,
};
const CONFIRMED = { out_order_no: 'PS1', state: 'DOING', state_description: 'USER_CONFIRM' };

describe('functions/plan', () => {
  it('charges started hours from the confirmation, capped by the waived deposit', () => {
    assert.equal(serviceFee(0, 1, 200, 9900), 200);
    assert.equal(serviceFee(0, HOUR, 200, 9900), 200);
    assert.equal(serviceFee(0, HOUR + 1, 200, 9900), 400);
    assert.equal(serviceFee(0, 100 * HOUR, 200, 9900), 9900);
  });

  it('keeps the Pay Score fee description whole within its 30 characters', () => {
    const summary = feeSummary(200, 9900);
    assert.equal(summary, '每小时2元，封顶99元');
    assert.ok([...summary].length <= LIMITS.paymentDescription);
    assert.equal(feeSummary(250, 9950), '每小时2.5元，封顶99.5元');
    assert.equal(feeRule(200, 9900), '每小时 2.00 元，不足 1 小时按 1 小时计，封顶 99.00 元');
  });
});

describe('functions/snapshot', () => {
  it('moves forward only', () => {
    const paid = { ...RECORD, status: 'PAID' as const };
    assert.equal(patchFromOrder(paid, CONFIRMED, CREATED + HOUR), undefined);
    assert.equal(patchFromOrder({ ...RECORD, status: 'REVOKED' }, CONFIRMED, CREATED), undefined);
  });

  it('dates the confirmation from WeChat Pay, not from when this service noticed it', () => {
    const noticedLate = CREATED + 5 * HOUR;
    const fromNotification = patchFromOrder(RECORD, CONFIRMED, noticedLate, CREATED + HOUR);
    assert.equal(fromNotification?.confirmed_at, CREATED + HOUR);

    const started = {
      ...CONFIRMED,
      time_range: { start_time: formatBeijingTime(CREATED + 2 * HOUR) },
    };
    assert.equal(patchFromOrder(RECORD, started, noticedLate)?.confirmed_at, CREATED + 2 * HOUR);

    const onAccept = { ...CONFIRMED, time_range: { start_time: 'OnAccept' } };
    assert.equal(patchFromOrder(RECORD, onAccept, noticedLate)?.confirmed_at, noticedLate);
  });

  it('moves the confirmation back when the notification arrives after a query', () => {
    const seen = { ...RECORD, status: 'IN_SERVICE' as const, confirmed_at: CREATED + 5 * HOUR };
    const patch = patchFromOrder(seen, CONFIRMED, CREATED + 5 * HOUR, CREATED + HOUR);
    assert.equal(patch?.confirmed_at, CREATED + HOUR);
    assert.equal(
      patchFromOrder(seen, CONFIRMED, CREATED + 6 * HOUR, CREATED + 6 * HOUR),
      undefined,
    );
  });

  it('keeps the confirmation between the order creation and now', () => {
    const before = patchFromOrder(RECORD, CONFIRMED, CREATED + HOUR, CREATED - HOUR);
    assert.equal(before?.confirmed_at, CREATED);
    const future = patchFromOrder(RECORD, CONFIRMED, CREATED + HOUR, CREATED + 3 * HOUR);
    assert.equal(future?.confirmed_at, CREATED + HOUR);
  });

  it('records the payment time and transaction of a paid order', () => {
    const paid = {
      out_order_no: 'PS1',
      state: 'DONE',
      total_amount: 400,
      collection: {
        state: 'USER_PAID',
        details: [{ paid_time: formatBeijingTime(CREATED + 3 * HOUR), transaction_id: '4200001' }],
      },
    };
    const patch = patchFromOrder({ ...RECORD, status: 'COLLECTING' }, paid, CREATED + 4 * HOUR);
    assert.equal(patch?.status, 'PAID');
    assert.equal(patch?.paid_at, CREATED + 3 * HOUR);
    assert.equal(patch?.transaction_id, '4200001');
    assert.equal(patch?.total_amount, 400);
  });
});
