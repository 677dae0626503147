import { strict as assert } from 'node:assert';
import {
  ValidationError,
  checkCompleteOrder,
  checkCreateOrder,
  checkModifyOrder,
  checkOutOrderNo,
  checkQuery,
  formatBeijingTime,
  type CreateOrderInput,
  type OrderQuery,
} from '../../src/payscore';

const NOW = Date.UTC(2026, 11, 4, 6, 0, 0);

function create(overrides: Partial<CreateOrderInput> = {}): CreateOrderInput {
  return {
    out_order_no: 'FAKE-ORDER-0001',
    service_introduction: '共享充电宝租借',
    post_payments: [{ name: '充电宝租借费', description: '每小时2元' }],
    time_range: { start_time: 'OnAccept' },
    risk_fund: { name: 'DEPOSIT', amount: 9900 },
    notify_url: 'https://example.invalid/payscore/notify',
    ...overrides,
  };
}

function fieldOf(action: () => void): string {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof ValidationError, String(error));
    return `${error.field}: ${error.rule}`;
  }
  return 'accepted';
}

describe('payscore/validate', () => {
  it('accepts a well-formed confirm-mode create', () => {
    checkCreateOrder(create(), NOW);
    checkCreateOrder(create({ time_range: { start_time: formatBeijingTime(NOW + 60_000) } }), NOW);
  });

  it('F13: out_order_no is 1-32 characters of [0-9A-Za-z_-|*]', () => {
    for (const good of ['a', 'A-b_c|d*9', 'x'.repeat(32)]) checkOutOrderNo(good);
    for (const bad of ['', 'x'.repeat(33), 'has space', '订单', 'a/b', 'a.b']) {
      assert.match(
        fieldOf(() => checkOutOrderNo(bad)),
        /^out_order_no: must be 1-32 characters/,
      );
    }
  });

  it('F12: start_time must be OnAccept or a Beijing time not in the past', () => {
    const past = formatBeijingTime(NOW - 60_000);
    assert.equal(
      fieldOf(() => checkCreateOrder(create({ time_range: { start_time: past } }), NOW)),
      'time_range.start_time: must not be in the past (Beijing time)',
    );
    assert.equal(
      fieldOf(() => checkCreateOrder(create({ time_range: { start_time: '2026-12-04' } }), NOW)),
      'time_range.start_time: must be OnAccept or yyyyMMddHHmmss',
    );
  });

  it('limits service_introduction to 20 characters, Chinese counted as one', () => {
    checkCreateOrder(create({ service_introduction: '租'.repeat(20) }), NOW);
    assert.equal(
      fieldOf(() => checkCreateOrder(create({ service_introduction: '租'.repeat(21) }), NOW)),
      'service_introduction: must be at most 20 characters',
    );
  });

  it('risk_fund.amount is integer fen > 0 and names an allowed risk fund', () => {
    const zero = create({ risk_fund: { name: 'DEPOSIT', amount: 0 } });
    assert.match(
      fieldOf(() => checkCreateOrder(zero, NOW)),
      /^risk_fund.amount: .*> 0/,
    );
    const yuan = create({ risk_fund: { name: 'DEPOSIT', amount: 99.5 } });
    assert.match(
      fieldOf(() => checkCreateOrder(yuan, NOW)),
      /^risk_fund.amount: must be an integer/,
    );
    const name = create({ risk_fund: { name: 'UDEPOSIT' as 'DEPOSIT', amount: 1 } });
    assert.match(
      fieldOf(() => checkCreateOrder(name, NOW)),
      /^risk_fund.name: must be one of/,
    );
  });

  it('F14: total_amount = payments - discounts; 0 is accepted', () => {
    checkCompleteOrder(
      { post_payments: [{ name: 'FAKE租借费', amount: 0 }], total_amount: 0 },
      NOW,
    );
    const discounted = {
      post_payments: [{ name: '租借费', amount: 1000 }],
      post_discounts: [{ name: '新客', description: '首单立减', amount: 200 }],
    };
    checkCompleteOrder({ ...discounted, total_amount: 800 }, NOW);
    assert.equal(
      fieldOf(() => checkCompleteOrder({ ...discounted, total_amount: 900 }, NOW)),
      'total_amount: must equal post_payments 1000 - post_discounts 200 = 800, got 900',
    );
    assert.match(
      fieldOf(() => checkModifyOrder({ ...discounted, total_amount: 900, reason: '调价' })),
      /post_payments 1000 - post_discounts 200/,
    );
  });

  it('complete: end_time neither before the start nor after the call', () => {
    const base = { post_payments: [{ name: '租借费', amount: 200 }], total_amount: 200 };
    const future = { ...base, time_range: { end_time: formatBeijingTime(NOW + 60_000) } };
    assert.equal(
      fieldOf(() => checkCompleteOrder(future, NOW)),
      'time_range.end_time: must not be after the time of the call',
    );
    const early = {
      ...base,
      time_range: {
        start_time: formatBeijingTime(NOW - 1000),
        end_time: formatBeijingTime(NOW - 60_000),
      },
    };
    assert.equal(
      fieldOf(() => checkCompleteOrder(early, NOW)),
      'time_range.end_time: must not be before time_range.start_time',
    );
  });

  it('F15: carries the optional device fields and checks their length', () => {
    checkCreateOrder(create({ device: { start_device_id: 'CABINET-01', materiel_no: 'M1' } }), NOW);
    const long = create({ device: { start_device_id: 'x'.repeat(33) } });
    assert.equal(
      fieldOf(() => checkCreateOrder(long, NOW)),
      'device.start_device_id: must be at most 32 characters',
    );
  });

  it('F10: a query takes exactly one of out_order_no and query_id', () => {
    checkQuery({ out_order_no: 'FAKE-ORDER-0001' });
    checkQuery({ query_id: 'FAKEQ1' });
    const both = { out_order_no: 'A', query_id: 'B' } as unknown as OrderQuery;
    const neither = {} as unknown as OrderQuery;
    assert.equal(
      fieldOf(() => checkQuery(both)),
      'out_order_no/query_id: give exactly one of the two',
    );
    assert.equal(
      fieldOf(() => checkQuery(neither)),
      'out_order_no/query_id: give exactly one of the two',
    );
  });
});
