import type { OrderStatus } from '../../../payscore';

/**
 * Where the cloud functions keep orders. Two implementations: CloudBase's database through
 * wx-server-sdk (deployed) and memory (tests, the sandbox and `npm start`).
 */

/** `CREATING`: saved, WeChat Pay not yet known to have it. `FAILED`: WeChat Pay refused it. */
export type RecordStatus = OrderStatus | 'CREATING' | 'FAILED';

/** One order as this project stores it. Amounts in fen, times in ms since the epoch. */
export interface OrderRecord {
  out_order_no: string;
  /** The user who started the service, from the cloud context; the only one who may see it. */
  openid: string;
  status: RecordStatus;
  service_introduction: string;
  fee_per_hour: number;
  risk_fund_amount: number;
  created_at: number;
  updated_at: number;
  confirmed_at?: number;
  finished_at?: number;
  paid_at?: number;
  total_amount?: number;
  order_id?: string;
  transaction_id?: string;
  /** Raised by every update; updates name the version they read, so none is lost. */
  version: number;
}

export type OrderPatch = Partial<Omit<OrderRecord, 'out_order_no' | 'openid' | 'version'>>;

export interface OrderStore {
  /** Saves a new order; rejects if `out_order_no` exists. */
  insert(record: OrderRecord): Promise<void>;
  get(outOrderNo: string): Promise<OrderRecord | undefined>;
  /** The user's orders, newest first. */
  listByOpenid(openid: string, limit: number): Promise<OrderRecord[]>;
  /** Applies `patch` only if the stored version is still `version`; false when it moved on. */
  update(outOrderNo: string, version: number, patch: OrderPatch): Promise<boolean>;
  /** Records a notification id; false when it was recorded before. */
  rememberNotification(key: string): Promise<boolean>;
  hasNotification(key: string): Promise<boolean>;
}
