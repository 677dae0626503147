/** How one order reads on the order page: display strings and which buttons show. */
import type { OrderView } from '../../services/contract';
import { formatDateTime, formatDuration, formatYuan } from '../../utils/format';

export interface OrderData {
  outOrderNo: string;
  status: string;
  serviceIntroduction: string;
  feeRule: string;
  depositText: string;
  amountText: string;
  createdText: string;
  confirmedText: string;
  finishedText: string;
  paidText: string;
}

export interface OrderFlags {
  /** The user can open Pay Score to confirm: waiting, and a fresh ticket is held. */
  canConfirm: boolean;
  /** Waiting, but the ticket is gone: the only way on is to cancel and start again. */
  staleWaiting: boolean;
  canCancel: boolean;
  canFinish: boolean;
  /** The status can still change by itself, so a refresh button makes sense. */
  canRefresh: boolean;
}

/** Display strings of an order. */
export function orderData(order: OrderView): OrderData {
  const time = (ms: number | undefined) => (ms === undefined ? '' : formatDateTime(ms));
  return {
    outOrderNo: order.out_order_no,
    status: order.status,
    serviceIntroduction: order.serviceIntroduction,
    feeRule: order.feeRule,
    depositText: formatYuan(order.deposit),
    amountText: order.totalAmount === undefined ? '' : formatYuan(order.totalAmount),
    createdText: time(order.createdAt),
    confirmedText: time(order.confirmedAt),
    finishedText: time(order.finishedAt),
    paidText: time(order.paidAt),
  };
}

/** Which actions the page offers; `cancel` and `finish` only when the server lists them. */
export function orderFlags(order: OrderView, ticketHeld: boolean): OrderFlags {
  const waiting = order.status === 'WAITING_FOR_USER';
  return {
    canConfirm: waiting && ticketHeld,
    staleWaiting: waiting && !ticketHeld,
    canCancel: order.actions.includes('cancel'),
    canFinish: order.actions.includes('finish'),
    canRefresh: waiting || order.status === 'COLLECTING',
  };
}

/** Time in service so far: from the user's confirmation to the finish (or now). */
export function elapsedText(order: OrderView, now: number): string {
  if (order.status !== 'IN_SERVICE') return '';
  const from = order.confirmedAt ?? order.createdAt;
  return formatDuration((order.finishedAt ?? now) - from);
}
