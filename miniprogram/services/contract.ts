/**
 * The contract between the mini program and the `payscore` cloud function: what each action
 * takes and answers. Types and one name only, so the cloud functions import it too and both
 * sides agree.
 * The client never sends an amount, an openid or a key: the server derives the user from the
 * cloud context and prices the service itself.
 */
import type { BUSINESS_TYPE_USE } from '../utils/payscore-constants';

/** Order status as derived on the server from `state`, `state_description` and
 * `collection.state`. */
export type OrderStatus =
  'WAITING_FOR_USER' | 'IN_SERVICE' | 'COLLECTING' | 'PAID' | 'REVOKED' | 'EXPIRED';

/** What the user may do next with an order. */
export type OrderAction = 'cancel' | 'finish';

/** The price plan of the sample rental, as the service page shows it. */
export interface PlanView {
  serviceIntroduction: string;
  /** Fee per started hour, in fen. */
  feePerHour: number;
  /** Deposit waived with Pay Score (the risk fund), in fen; also the fee cap. */
  deposit: number;
  /** One-line fee rule for display, e.g. "每小时 2.00 元，封顶 99.00 元". */
  feeRule: string;
}

/** One order as the pages show it. Times are milliseconds since the epoch. */
export interface OrderView {
  out_order_no: string;
  status: OrderStatus;
  serviceIntroduction: string;
  createdAt: number;
  confirmedAt?: number;
  finishedAt?: number;
  paidAt?: number;
  /** Final fee in fen, known once the service is finished. */
  totalAmount?: number;
  deposit: number;
  feeRule: string;
  actions: OrderAction[];
}

/** `wx.openBusinessView` extraData for businessType `wxpayScoreUse`; all values strings. */
export interface ConfirmExtraData {
  mch_id: string;
  package: string;
  timestamp: string;
  nonce_str: string;
  sign_type: 'HMAC-SHA256';
  sign: string;
}

export type Request =
  | { action: 'plan' }
  | { action: 'start' }
  | { action: 'query'; out_order_no: string }
  | { action: 'query'; query_id: string }
  | { action: 'finish'; out_order_no: string }
  | { action: 'cancel'; out_order_no: string }
  | { action: 'list' };

export interface StartResult {
  out_order_no: string;
  order: OrderView;
  /** Arguments for `wx.openBusinessView`. */
  businessView: { businessType: typeof BUSINESS_TYPE_USE; extraData: ConfirmExtraData };
  /** Arguments for the legacy `wx.navigateToMiniProgram`, for projects that opt in. */
  navigateToMiniProgram: { appId: string; path: string; extraData: ConfirmExtraData };
}

/** Error codes of a failed call; `message` is Chinese text for the user. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNAUTHENTICATED'
  | 'NOT_FOUND'
  | 'INVALID_STATE'
  | 'UPSTREAM_ERROR'
  | 'UPSTREAM_TIMEOUT'
  | 'CONFIG_ERROR'
  | 'INTERNAL';

export type Failure = { ok: false; code: ErrorCode; message: string };
export type Reply<T> = ({ ok: true } & T) | Failure;

/** The reply of each action. */
export interface Replies {
  plan: Reply<{ plan: PlanView }>;
  start: Reply<StartResult>;
  query: Reply<{ order: OrderView }>;
  finish: Reply<{ order: OrderView; alreadyFinished: boolean }>;
  cancel: Reply<{ order: OrderView; alreadyCancelled: boolean }>;
  list: Reply<{ orders: OrderView[] }>;
}

/** Name of the cloud function the mini program calls. */
export const ORDER_FUNCTION = 'payscore';
