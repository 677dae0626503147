import { LIMITS, OUT_ORDER_NO_PATTERN, RISK_FUND_NAMES } from './constants';
import { ValidationError } from './errors';
import { parseBeijingTime } from './time';
import type {
  CompleteOrderInput,
  CreateOrderInput,
  Device,
  ModifyOrderInput,
  OrderQuery,
  PostDiscount,
  PostPayment,
} from './types';

/**
 * Local checks run before anything is sent, so a bad request fails here with the field and
 * the rule instead of as a PARAM_ERROR from WeChat Pay. Each throws {@link ValidationError}.
 */

const fail = (field: string, rule: string): never => {
  throw new ValidationError(field, rule);
};

/** `out_order_no`: 1–32 characters of digits, letters and `_ - | *`. */
export function checkOutOrderNo(value: unknown, field = 'out_order_no'): string {
  if (typeof value !== 'string' || !OUT_ORDER_NO_PATTERN.test(value)) {
    fail(field, `must be 1-${LIMITS.outOrderNo} characters of [0-9A-Za-z_-|*]`);
  }
  return value as string;
}

/** A string of at most `max` characters (Chinese characters count as one). */
export function checkText(field: string, value: unknown, max: number, required = true): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || (required && value.length === 0)) {
    fail(field, required ? 'is required and must be a non-empty string' : 'must be a string');
  }
  if ([...(value as string)].length > max) fail(field, `must be at most ${max} characters`);
}

/** An amount in integer fen: ≥ 0, or > 0 when `positive`. */
export function checkAmount(field: string, value: unknown, positive = false): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < (positive ? 1 : 0)) {
    fail(field, `must be an integer number of fen ${positive ? '> 0' : '>= 0'}`);
  }
  return value as number;
}

/** Exactly one of `out_order_no` / `query_id`. */
export function checkQuery(query: OrderQuery): void {
  const byOrder = query.out_order_no !== undefined;
  const byQueryId = query.query_id !== undefined;
  if (byOrder === byQueryId) fail('out_order_no/query_id', 'give exactly one of the two');
  if (byOrder) checkOutOrderNo(query.out_order_no);
  else checkText('query_id', query.query_id, LIMITS.queryId);
}

/** Validates a create request against the API's rules at instant `now`. */
export function checkCreateOrder(input: CreateOrderInput, now: number): void {
  checkOutOrderNo(input.out_order_no);
  checkText('service_introduction', input.service_introduction, LIMITS.serviceIntroduction);
  checkPayments(input.post_payments ?? [], false);
  checkDiscounts(input.post_discounts ?? []);

  const range = input.time_range;
  if (!range || typeof range !== 'object') fail('time_range', 'is required');
  if (range.start_time !== 'OnAccept') {
    const start = parseBeijingTime(range.start_time ?? '');
    if (!start) fail('time_range.start_time', 'must be OnAccept or yyyyMMddHHmmss');
    if (start!.getTime() < Math.floor(now / 1000) * 1000) {
      fail('time_range.start_time', 'must not be in the past (Beijing time)');
    }
  }
  if (range.end_time !== undefined) checkEndTime(range.end_time, range.start_time, undefined);
  checkText('time_range.start_time_remark', range.start_time_remark, LIMITS.startTimeRemark, false);
  checkText('time_range.end_time_remark', range.end_time_remark, LIMITS.endTimeRemark, false);
  checkText('location.start_location', input.location?.start_location, LIMITS.location, false);
  checkText('location.end_location', input.location?.end_location, LIMITS.location, false);

  const fund = input.risk_fund;
  if (!fund || !RISK_FUND_NAMES.includes(fund.name)) {
    fail('risk_fund.name', `must be one of ${RISK_FUND_NAMES.join(', ')}`);
  }
  checkAmount('risk_fund.amount', fund.amount, true);
  checkText('risk_fund.description', fund.description, LIMITS.riskFundDescription, false);
  if (!input.post_discounts?.length) {
    const sum = sumAmounts(input.post_payments ?? []);
    if (sum > fund.amount)
      fail('post_payments', `sum ${sum} exceeds risk_fund.amount ${fund.amount}`);
  }
  checkText('attach', input.attach, LIMITS.attach, false);
  checkText('notify_url', input.notify_url, LIMITS.notifyUrl);
  checkDevice(input.device);
}

/** Validates a complete request: the amount formula, the time range and the device. */
export function checkCompleteOrder(
  input: CompleteOrderInput,
  now: number,
  startTime?: string,
): void {
  checkPayments(input.post_payments, true);
  checkDiscounts(input.post_discounts ?? []);
  checkTotal(input.post_payments, input.post_discounts ?? [], input.total_amount);
  if (input.time_range?.end_time !== undefined) {
    checkEndTime(input.time_range.end_time, input.time_range.start_time ?? startTime, now);
  }
  checkText('location.end_location', input.location?.end_location, LIMITS.location, false);
  checkDevice(input.device);
}

/** Validates a modify request: the amount formula and a reason. */
export function checkModifyOrder(input: ModifyOrderInput): void {
  checkPayments(input.post_payments, true);
  checkDiscounts(input.post_discounts ?? []);
  checkTotal(input.post_payments, input.post_discounts ?? [], input.total_amount);
  checkText('reason', input.reason, LIMITS.reason);
  checkDevice(input.device);
}

/** `total_amount` must equal Σpost_payments.amount − Σpost_discounts.amount. */
export function checkTotal(
  payments: PostPayment[],
  discounts: PostDiscount[],
  total: number,
): void {
  checkAmount('total_amount', total);
  const paid = sumAmounts(payments);
  const discounted = sumAmounts(discounts);
  if (total !== paid - discounted) {
    const formula = `post_payments ${paid} - post_discounts ${discounted} = ${paid - discounted}`;
    fail('total_amount', `must equal ${formula}, got ${total}`);
  }
}

function checkPayments(payments: PostPayment[], required: boolean): void {
  if (!Array.isArray(payments)) fail('post_payments', 'must be an array');
  if (required && payments.length === 0) fail('post_payments', 'needs at least one item');
  if (payments.length > LIMITS.postPaymentsMax) {
    fail('post_payments', `must have at most ${LIMITS.postPaymentsMax} items`);
  }
  payments.forEach((item, i) => {
    checkText(`post_payments[${i}].name`, item.name, LIMITS.paymentName);
    if (item.amount !== undefined) checkAmount(`post_payments[${i}].amount`, item.amount);
    const description = item.description;
    checkText(`post_payments[${i}].description`, description, LIMITS.paymentDescription, false);
    if (item.count !== undefined && !(Number.isInteger(item.count) && item.count >= 1)) {
      fail(`post_payments[${i}].count`, `must be an integer from 1 to ${LIMITS.paymentCountMax}`);
    }
    if (item.count !== undefined && item.count > LIMITS.paymentCountMax) {
      fail(`post_payments[${i}].count`, `must be an integer from 1 to ${LIMITS.paymentCountMax}`);
    }
  });
}

function checkDiscounts(discounts: PostDiscount[]): void {
  if (!Array.isArray(discounts)) fail('post_discounts', 'must be an array');
  if (discounts.length > LIMITS.postDiscountsMax) {
    fail('post_discounts', `must have at most ${LIMITS.postDiscountsMax} items`);
  }
  discounts.forEach((item, i) => {
    checkText(`post_discounts[${i}].name`, item.name, LIMITS.paymentName);
    checkText(`post_discounts[${i}].description`, item.description, LIMITS.paymentDescription);
    if (item.amount !== undefined) checkAmount(`post_discounts[${i}].amount`, item.amount);
  });
}

function checkEndTime(end: string, start: string | undefined, now: number | undefined): void {
  const endAt = parseBeijingTime(end, true);
  if (!endAt) fail('time_range.end_time', 'must be yyyyMMddHHmmss');
  const startAt = start && start !== 'OnAccept' ? parseBeijingTime(start) : undefined;
  if (startAt && endAt!.getTime() < startAt.getTime()) {
    fail('time_range.end_time', 'must not be before time_range.start_time');
  }
  if (now !== undefined && endAt!.getTime() > now) {
    fail('time_range.end_time', 'must not be after the time of the call');
  }
}

function checkDevice(device: Device | undefined): void {
  if (device === undefined) return;
  checkText('device.start_device_id', device.start_device_id, LIMITS.deviceField, false);
  checkText('device.end_device_id', device.end_device_id, LIMITS.deviceField, false);
  checkText('device.materiel_no', device.materiel_no, LIMITS.materielNo, false);
}

function sumAmounts(items: { amount?: number }[]): number {
  return items.reduce((sum, item) => sum + (item.amount ?? 0), 0);
}
