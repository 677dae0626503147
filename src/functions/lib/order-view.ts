import type { OrderAction, OrderView } from '../../../miniprogram/services/contract';
import type { OrderStatus } from '../../payscore';
import { feeRule } from './plan';
import type { OrderRecord } from './store/order-store';

/**
 * What the user may do. WeChat Pay would also cancel an order in service, but a user who could
 * do that would end a rental without paying: once the service started, only finish ends it.
 */
const ACTIONS: Record<OrderStatus, OrderAction[]> = {
  WAITING_FOR_USER: ['cancel'],
  IN_SERVICE: ['finish'],
  COLLECTING: [],
  PAID: [],
  REVOKED: [],
  EXPIRED: [],
};

/** The user's view of a stored order; an order not yet known to WeChat Pay shows as waiting. */
export function orderView(record: OrderRecord): OrderView {
  const status: OrderStatus =
    record.status === 'CREATING' || record.status === 'FAILED' ? 'WAITING_FOR_USER' : record.status;
  const view: OrderView = {
    out_order_no: record.out_order_no,
    status,
    serviceIntroduction: record.service_introduction,
    createdAt: record.created_at,
    deposit: record.risk_fund_amount,
    feeRule: feeRule(record.fee_per_hour, record.risk_fund_amount),
    actions: ACTIONS[status],
  };
  if (record.confirmed_at !== undefined) view.confirmedAt = record.confirmed_at;
  if (record.finished_at !== undefined) view.finishedAt = record.finished_at;
  if (record.paid_at !== undefined) view.paidAt = record.paid_at;
  if (record.total_amount !== undefined) view.totalAmount = record.total_amount;
  return view;
}
