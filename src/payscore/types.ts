/**
 * Wire shapes of the service-order API, with WeChat's own field names. Amounts are integer fen;
 * times are Beijing-time strings from ../time. Replies may carry fields not listed here: they
 * are kept as received.
 */
import type { RISK_FUND_NAMES } from './constants';

/** One line of the fee: a named amount in fen. */
export interface PostPayment {
  name: string;
  amount?: number;
  description?: string;
  count?: number;
}

/** One line of a discount, subtracted from the payments. */
export interface PostDiscount {
  name: string;
  description: string;
  amount?: number;
  count?: number;
}

/** The risk fund (deposit waived or estimated cost) the user is evaluated for. */
export interface RiskFund {
  name: (typeof RISK_FUND_NAMES)[number];
  amount: number;
  description?: string;
}

export interface TimeRange {
  /** `OnAccept` (the moment the user confirms) or `yyyyMMddHHmmss` Beijing time. */
  start_time: string;
  start_time_remark?: string;
  end_time?: string;
  end_time_remark?: string;
}

export interface Location {
  start_location?: string;
  end_location?: string;
}

/** Device details some industries send (chargers, power banks, vending). */
export interface Device {
  start_device_id?: string;
  end_device_id?: string;
  materiel_no?: string;
}

/** What a caller supplies to create an order; `appid`, `service_id` and `need_user_confirm`
 * come from the client's configuration. */
export interface CreateOrderInput {
  out_order_no: string;
  service_introduction: string;
  post_payments?: PostPayment[];
  post_discounts?: PostDiscount[];
  time_range: TimeRange;
  location?: Location;
  risk_fund: RiskFund;
  attach?: string;
  notify_url: string;
  device?: Device;
}

export interface CompleteOrderInput {
  post_payments: PostPayment[];
  post_discounts?: PostDiscount[];
  total_amount: number;
  time_range?: Partial<TimeRange>;
  location?: Pick<Location, 'end_location'>;
  profit_sharing?: boolean;
  goods_tag?: string;
  device?: Device;
}

export interface ModifyOrderInput {
  post_payments: PostPayment[];
  post_discounts?: PostDiscount[];
  total_amount: number;
  reason: string;
  device?: Device;
}

/** A query names the order one way only: by `out_order_no` or by `query_id`. */
export type OrderQuery =
  { out_order_no: string; query_id?: never } | { query_id: string; out_order_no?: never };

export type OrderState = 'CREATED' | 'DOING' | 'DONE' | 'REVOKED' | 'EXPIRED';

export interface CollectionDetail {
  seq?: number;
  amount?: number;
  paid_type?: string;
  paid_time?: string;
  transaction_id?: string;
  [extra: string]: unknown;
}

export interface Collection {
  state?: 'USER_PAYING' | 'USER_PAID' | string;
  total_amount?: number;
  paying_amount?: number;
  paid_amount?: number;
  details?: CollectionDetail[];
  [extra: string]: unknown;
}

/** The order entity as WeChat Pay returns it from create, query, complete and notifications. */
export interface ServiceOrder {
  out_order_no: string;
  appid?: string;
  mchid?: string;
  service_id?: string;
  service_introduction?: string;
  state: OrderState | string;
  state_description?: string;
  post_payments?: PostPayment[];
  post_discounts?: PostDiscount[];
  risk_fund?: RiskFund;
  time_range?: TimeRange;
  location?: Location;
  attach?: string;
  notify_url?: string;
  order_id?: string;
  package?: string;
  total_amount?: number;
  need_collection?: boolean;
  collection?: Collection;
  openid?: string;
  [extra: string]: unknown;
}
