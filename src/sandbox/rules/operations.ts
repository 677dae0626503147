/**
 * Bodies of the per-order operations (`/{out_order_no}/cancel|modify|complete|pay|sync`),
 * checked field by field. Rules that need the order itself live with the state transitions.
 */
import { LIMITS } from '../../payscore/constants';
import type { DeviceInfo, DiscountLine, FeeLine } from '../orders/model';
import {
  assign,
  checkIds,
  checkTotal,
  ID_MAX,
  readDevice,
  readDiscounts,
  readPayments,
  readTime,
  refuseOutOrderNoInBody,
  type ServiceIds,
} from './common';
import { Fields, type JsonObject } from './fields';

export interface CompleteParams {
  post_payments: FeeLine[];
  post_discounts?: DiscountLine[];
  total_amount: number;
  start_time?: string;
  start_time_remark?: string;
  end_time?: string;
  end_time_remark?: string;
  end_location?: string;
  profit_sharing?: boolean;
  goods_tag?: string;
  device?: DeviceInfo;
}

export interface ModifyParams {
  post_payments: FeeLine[];
  post_discounts?: DiscountLine[];
  total_amount: number;
  reason: string;
  device?: DeviceInfo;
}

/** Reads the ids every operation carries, and refuses an out_order_no in the body. */
export function readIds(body: JsonObject, ids: ServiceIds): Fields {
  const fields = new Fields(body);
  refuseOutOrderNoInBody(fields);
  checkIds(fields, ids);
  return fields;
}

/** Cancel: a reason of at most 50 characters. */
export function readCancel(body: JsonObject, ids: ServiceIds): { reason: string } {
  return { reason: readIds(body, ids).text('reason', LIMITS.reason, true) };
}

/** Complete: the final fee, which must add up, and the actual times. */
export function readComplete(body: JsonObject, ids: ServiceIds): CompleteParams {
  const fields = readIds(body, ids);
  const params: CompleteParams = {
    post_payments: readPayments(fields, 1) ?? [],
    total_amount: 0,
  };
  assign(params, 'post_discounts', readDiscounts(fields));
  params.total_amount = fields.integer('total_amount', 0, true);
  checkTotal(params.total_amount, params.post_payments, params.post_discounts);

  const range = fields.object('time_range', false);
  if (range) {
    assign(params, 'start_time', readTime(range, 'start_time', false));
    assign(
      params,
      'start_time_remark',
      range.text('start_time_remark', LIMITS.startTimeRemark, false),
    );
    assign(params, 'end_time', readTime(range, 'end_time', false));
    assign(params, 'end_time_remark', range.text('end_time_remark', LIMITS.endTimeRemark, false));
  }
  assign(
    params,
    'end_location',
    fields.object('location', false)?.text('end_location', LIMITS.location, false),
  );
  assign(params, 'profit_sharing', fields.boolean('profit_sharing', false));
  assign(params, 'goods_tag', fields.text('goods_tag', ID_MAX, false));
  assign(params, 'device', readDevice(fields));
  return params;
}

/** Modify: a new fee that adds up, and why. */
export function readModify(body: JsonObject, ids: ServiceIds): ModifyParams {
  const fields = readIds(body, ids);
  const params: ModifyParams = {
    post_payments: readPayments(fields, 1) ?? [],
    total_amount: 0,
    reason: '',
  };
  assign(params, 'post_discounts', readDiscounts(fields));
  params.total_amount = fields.integer('total_amount', 0, true);
  checkTotal(params.total_amount, params.post_payments, params.post_discounts);
  params.reason = fields.text('reason', LIMITS.reason, true);
  assign(params, 'device', readDevice(fields));
  return params;
}

/** Sync: only `type: "Order_Paid"` with the time the user paid elsewhere. */
export function readSync(body: JsonObject, ids: ServiceIds): { paidTime: string } {
  const fields = readIds(body, ids);
  const type = fields.text('type', ID_MAX, true);
  if (type !== 'Order_Paid') {
    fields.fail('type', '枚举规则校验失败，应为Order_Paid', 'must be Order_Paid');
  }
  const detail = fields.object('detail', true);
  return { paidTime: readTime(detail, 'paid_time', true) ?? '' };
}
