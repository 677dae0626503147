/**
 * The sandbox's own picture of a service order: the wire entity exactly as the query API
 * returns it, plus what only WeChat Pay knows (the package, who opened it, query_ids, clocks).
 */

export interface FeeLine {
  name: string;
  amount?: number;
  description?: string;
  count?: number;
}

export interface DiscountLine {
  name?: string;
  description?: string;
  amount?: number;
  count?: number;
}

export interface DeviceInfo {
  start_device_id?: string;
  end_device_id?: string;
  materiel_no?: string;
}

export interface TimeRangeInfo {
  start_time: string;
  start_time_remark?: string;
  end_time?: string;
  end_time_remark?: string;
}

export interface LocationInfo {
  start_location?: string;
  end_location?: string;
}

export interface RiskFundInfo {
  name: string;
  amount: number;
  description?: string;
}

export interface CollectionDetail {
  seq: number;
  amount: number;
  /** NEWTON: collected by Pay Score; MCH: the merchant reported it paid elsewhere (sync). */
  paid_type: 'NEWTON' | 'MCH';
  paid_time: string;
  transaction_id?: string;
}

export interface CollectionInfo {
  state: 'USER_PAYING' | 'USER_PAID';
  total_amount: number;
  paying_amount: number;
  paid_amount: number;
  details: CollectionDetail[];
}

export type OrderStateName = 'CREATED' | 'DOING' | 'DONE' | 'REVOKED' | 'EXPIRED';

/** The order entity of create, query, complete, modify, sync and notifications. */
export interface OrderEntity {
  appid: string;
  mchid: string;
  service_id: string;
  out_order_no: string;
  service_introduction: string;
  state: OrderStateName;
  state_description?: 'USER_CONFIRM' | 'MCH_COMPLETE';
  post_payments?: FeeLine[];
  post_discounts?: DiscountLine[];
  risk_fund: RiskFundInfo;
  time_range: TimeRangeInfo;
  location?: LocationInfo;
  attach?: string;
  notify_url: string;
  order_id: string;
  total_amount?: number;
  need_collection?: boolean;
  collection?: CollectionInfo;
  openid?: string;
  device?: DeviceInfo;
}

/** One order and what the sandbox, as WeChat Pay, keeps beside it. */
export interface SandboxOrder {
  entity: OrderEntity;
  /** Opaque, single-use token that opens the confirm page. */
  package: string;
  /** Canonical JSON of the create parameters, to tell a retry from a conflicting reuse. */
  createKey: string;
  /** Set once the confirm page was opened: the package is then used up. */
  packageOpenedBy?: string;
  queryIds: string[];
  createdAt: number;
  updatedAt: number;
  /** When the service started: the fixed start_time, or the confirmation for OnAccept. */
  startedAt?: number;
  completedAt?: number;
  deductionAttempts: number;
}

/** States no operation can leave. */
export const FINISHED_STATES: readonly OrderStateName[] = ['DONE', 'REVOKED', 'EXPIRED'];
