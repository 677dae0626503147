/** How one order reads on the order page: display strings, which buttons show, dialog texts. */
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

/** What the finish and cancel confirmations say. */
export const ACTION_TEXT = {
  finish: {
    title: '结束服务',
    content: '确定结束服务吗？将按实际使用时长扣费。',
    done: '服务已结束',
  },
  cancel: { title: '取消订单', content: '确定取消这笔订单吗？', done: '订单已取消' },
} as const;

// Base libraries differ on whether page query values arrive URL-decoded. An out_order_no never
// contains '%', so decoding an already decoded value changes nothing.
/** The out_order_no from the page query. */
export function decodeQueryValue(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
