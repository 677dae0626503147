/**
 * Body parts shared by several service-order operations: the merchant ids, fee lines,
 * discounts, devices and Beijing times. Each reader returns only the fields the API knows,
 * so unknown fields are dropped rather than stored.
 */
import { LIMITS } from '../../payscore/constants';
import { parseBeijingTime } from '../clock';
import { noAuth, paramError } from '../wire/api-error';
import type { DeviceInfo, DiscountLine, FeeLine } from '../orders/model';
import type { Fields } from './fields';

/** The appid and service_id the sandbox merchant owns. */
export interface ServiceIds {
  appid: string;
  serviceId: string;
}

/** appid, service_id and other ids: string(32). */
export const ID_MAX = 32;
/** `yyyyMMddHHmmss`: string(14). */
export const TIME_MAX = 14;

/** Reads `appid` and `service_id`; a pair the merchant does not own is 403 NO_AUTH. */
export function checkIds(fields: Fields, ids: ServiceIds): void {
  const appid = fields.text('appid', ID_MAX, true);
  const serviceId = fields.text('service_id', ID_MAX, true);
  if (appid !== ids.appid) throw noAuth(`appid ${appid} is not bound to the sandbox merchant`);
  if (serviceId !== ids.serviceId) {
    throw noAuth(`service_id ${serviceId} is not the sandbox merchant's service`);
  }
}

/** Operations carry the order number in the path only; the body must not repeat it. */
export function refuseOutOrderNoInBody(fields: Fields): void {
  if (fields.has('out_order_no')) {
    throw paramError(
      '/out_order_no',
      'out_order_no 应通过URL路径传递，请求体中不能包含此字段',
      'out_order_no belongs in the path, not in the body',
    );
  }
}

/** Fee lines: each needs a name; amounts are fen ≥ 0; count 1–100. */
export function readPayments(fields: Fields, min: number): FeeLine[] | undefined {
  return fields.list('post_payments', min, LIMITS.postPaymentsMax, min > 0)?.map((item) => {
    const payment: FeeLine = { name: item.text('name', LIMITS.paymentName, true) };
    assign(payment, 'amount', item.integer('amount', 0, false));
    assign(payment, 'description', item.text('description', LIMITS.paymentDescription, false));
    assign(payment, 'count', item.integer('count', 1, false, LIMITS.paymentCountMax));
    return payment;
  });
}

/** Discount lines: name and description come together when sent; amounts are fen ≥ 0. */
export function readDiscounts(fields: Fields): DiscountLine[] | undefined {
  return fields.list('post_discounts', 0, LIMITS.postDiscountsMax, false)?.map((item) => {
    const name = item.text('name', LIMITS.paymentName, false);
    const description = item.text('description', LIMITS.paymentDescription, false);
    if (name !== undefined && description === undefined)
      item.text('description', LIMITS.paymentDescription, true);
    if (description !== undefined && name === undefined)
      item.text('name', LIMITS.paymentName, true);
    const discount: DiscountLine = {};
    assign(discount, 'name', name);
    assign(discount, 'description', description);
    assign(discount, 'amount', item.integer('amount', 0, false));
    assign(discount, 'count', item.integer('count', 1, false, LIMITS.paymentCountMax));
    return discount;
  });
}

/** Device ids some industries send with create, complete and modify. */
export function readDevice(fields: Fields): DeviceInfo | undefined {
  const device = fields.object('device', false);
  if (!device) return undefined;
  const out: DeviceInfo = {};
  assign(out, 'start_device_id', device.text('start_device_id', LIMITS.deviceField, false));
  assign(out, 'end_device_id', device.text('end_device_id', LIMITS.deviceField, false));
  assign(out, 'materiel_no', device.text('materiel_no', LIMITS.materielNo, false));
  return out;
}

/** A Beijing time `yyyyMMddHHmmss` or `yyyyMMdd`; returns the text as sent. */
export function readTime(fields: Fields, name: string, required: boolean): string | undefined {
  const text = required ? fields.text(name, TIME_MAX, true) : fields.text(name, TIME_MAX, false);
  if (text !== undefined && !parseBeijingTime(text)) {
    fields.fail(name, '格式规则校验失败，应为yyyyMMddHHmmss或yyyyMMdd', 'must be yyyyMMddHHmmss');
  }
  return text;
}

/** The instant a Beijing time names; a bare day means its start, or its end with `endOfDay`. */
export function instantOf(text: string, endOfDay = false): number {
  const date = parseBeijingTime(text, endOfDay);
  if (!date) throw new Error(`not a Beijing time: ${text}`);
  return date.getTime();
}

/** Σ amounts, missing amounts counting as 0. */
export function sumAmounts(items: readonly { amount?: number }[] | undefined): number {
  return (items ?? []).reduce((sum, item) => sum + (item.amount ?? 0), 0);
}

/** `total_amount` must equal Σpost_payments − Σpost_discounts. */
export function checkTotal(
  total: number,
  payments: readonly FeeLine[],
  discounts: readonly DiscountLine[] | undefined,
): void {
  const expected = sumAmounts(payments) - sumAmounts(discounts);
  if (total !== expected) {
    throw paramError(
      '/total_amount',
      '最终总金额计算非法',
      `total_amount ${total} must equal post_payments - post_discounts = ${expected}`,
    );
  }
}

/** Sets `target[key]` only when a value was sent, so replies omit what the merchant omitted. */
export function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  if (value !== undefined) target[key] = value;
}
