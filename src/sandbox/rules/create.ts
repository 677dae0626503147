/**
 * The create request (`POST /v3/payscore/serviceorder`) checked as WeChat Pay checks it, for a
 * confirm-mode (需确认) service whose risk fund is capped at {@link SERVICE_RISK_CAP}.
 */
import { LIMITS, OUT_ORDER_NO_PATTERN, RISK_FUND_NAMES } from '../../payscore/constants';
import type {
  DeviceInfo,
  DiscountLine,
  FeeLine,
  LocationInfo,
  RiskFundInfo,
  TimeRangeInfo,
} from '../orders/model';
import { noAuth, paramError } from '../wire/api-error';
import {
  assign,
  checkIds,
  ID_MAX,
  instantOf,
  readDevice,
  readDiscounts,
  readPayments,
  readTime,
  sumAmounts,
  TIME_MAX,
  type ServiceIds,
} from './common';
import { Fields, type JsonObject } from './fields';

/** 风险金额上限 of the sandbox service, in fen (1000 yuan). */
export const SERVICE_RISK_CAP = 100000;

/** A valid create request, holding only the fields the API knows. */
export interface CreateParams {
  out_order_no: string;
  appid: string;
  service_id: string;
  service_introduction: string;
  post_payments?: FeeLine[];
  post_discounts?: DiscountLine[];
  time_range: TimeRangeInfo;
  location?: LocationInfo;
  risk_fund: RiskFundInfo;
  attach?: string;
  notify_url: string;
  need_user_confirm: boolean;
  device?: DeviceInfo;
}

/** Reads a create body: format first (400), then permission (403), then amounts (400). */
export function readCreate(body: JsonObject, ids: ServiceIds): CreateParams {
  const fields = new Fields(body);
  checkIds(fields, ids);
  const outOrderNo = fields.text('out_order_no', LIMITS.outOrderNo, true);
  if (!OUT_ORDER_NO_PATTERN.test(outOrderNo)) {
    fields.fail('out_order_no', '格式规则校验失败', 'only [0-9A-Za-z_-|*] allowed');
  }
  const params: CreateParams = {
    out_order_no: outOrderNo,
    appid: ids.appid,
    service_id: ids.serviceId,
    service_introduction: fields.text('service_introduction', LIMITS.serviceIntroduction, true),
    time_range: { start_time: '' },
    risk_fund: { name: '', amount: 0 },
    notify_url: '',
    need_user_confirm: true,
  };
  assign(params, 'post_payments', readPayments(fields, 0));
  assign(params, 'post_discounts', readDiscounts(fields));
  params.time_range = readTimeRange(fields.object('time_range', true));
  assign(params, 'location', readLocation(fields));
  params.risk_fund = readRiskFund(fields.object('risk_fund', true));
  assign(params, 'attach', fields.text('attach', LIMITS.attach, false));
  params.notify_url = readNotifyUrl(fields);
  params.need_user_confirm = fields.boolean('need_user_confirm', true) === true;
  assign(params, 'device', readDevice(fields));

  if (!params.need_user_confirm) {
    throw noAuth('this service_id is confirm-mode (需确认): need_user_confirm must be true');
  }
  checkAmounts(params);
  return params;
}

/** A fixed start time must not be before the call; OnAccept starts when the user confirms. */
export function checkStartNotPast(params: CreateParams, nowMs: number): void {
  const start = params.time_range.start_time;
  if (start === 'OnAccept' || instantOf(start) >= Math.floor(nowMs / 1000) * 1000) return;
  throw paramError(
    '/time_range/start_time',
    '服务开始时间不能早于调用接口时间，或传入固定值OnAccept表示用户确认订单时间为服务开始时间',
    'start_time is before the time of the call (Beijing time)',
  );
}

function readTimeRange(range: Fields): TimeRangeInfo {
  const start = range.text('start_time', TIME_MAX, true);
  if (start !== 'OnAccept') readTime(range, 'start_time', true);
  const out: TimeRangeInfo = { start_time: start };
  assign(out, 'start_time_remark', range.text('start_time_remark', LIMITS.startTimeRemark, false));
  assign(out, 'end_time', readTime(range, 'end_time', false));
  assign(out, 'end_time_remark', range.text('end_time_remark', LIMITS.endTimeRemark, false));
  if (out.end_time && start !== 'OnAccept' && instantOf(out.end_time, true) < instantOf(start)) {
    range.fail('end_time', '预计服务结束时间不能早于服务开始时间', 'end_time is before start_time');
  }
  return out;
}

function readLocation(fields: Fields): LocationInfo | undefined {
  const location = fields.object('location', false);
  if (!location) return undefined;
  const out: LocationInfo = {};
  assign(out, 'start_location', location.text('start_location', LIMITS.location, false));
  assign(out, 'end_location', location.text('end_location', LIMITS.location, false));
  return out;
}

function readRiskFund(fund: Fields): RiskFundInfo {
  const name = fund.text('name', ID_MAX, true);
  if (!(RISK_FUND_NAMES as readonly string[]).includes(name)) {
    fund.fail('name', `枚举规则校验失败，应为${RISK_FUND_NAMES.join('、')}之一`, 'unknown name');
  }
  const out: RiskFundInfo = { name, amount: fund.integer('amount', 1, true) };
  assign(out, 'description', fund.text('description', LIMITS.riskFundDescription, false));
  return out;
}

function readNotifyUrl(fields: Fields): string {
  const text = fields.text('notify_url', LIMITS.notifyUrl, true);
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  // WeChat Pay insists on https; the sandbox also takes http so local receivers need no TLS.
  if (!url || !['https:', 'http:'].includes(url.protocol) || url.search || url.hash) {
    fields.fail('notify_url', '格式规则校验失败，应为不带参数的URL', 'absolute URL, no query');
  }
  return text;
}

function checkAmounts(params: CreateParams): void {
  const fund = params.risk_fund;
  if (fund.amount > SERVICE_RISK_CAP) {
    throw paramError(
      '/risk_fund/amount',
      '订单风险金额超过此服务的服务风险金额',
      `risk_fund.amount ${fund.amount} is above the service cap ${SERVICE_RISK_CAP}`,
    );
  }
  const fees = sumAmounts(params.post_payments);
  if (!params.post_discounts?.length && fees > fund.amount) {
    throw paramError(
      '/post_payments',
      '服务费用总金额不能超过订单风险金额',
      `post_payments sum ${fees} is above risk_fund.amount ${fund.amount}`,
    );
  }
}
