/** What each order status is called on screen. One table, so the pages and the card agree. */
import type { OrderStatus } from '../services/contract';

export interface StatusText {
  /** Short label, e.g. for the order list. */
  title: string;
  /** One sentence under the title on the order page. */
  hint: string;
  /** Colour family of the badge; the WXSS defines one class per tone. */
  tone: 'pending' | 'active' | 'done' | 'closed';
}

export const STATUS_TEXT: Record<OrderStatus, StatusText> = {
  WAITING_FOR_USER: {
    title: '等待确认',
    hint: '请在微信支付分中确认订单，确认后即可免押金使用',
    tone: 'pending',
  },
  IN_SERVICE: { title: '服务中', hint: '已免押金，正在计时', tone: 'active' },
  COLLECTING: { title: '已结束，扣款中', hint: '服务已结束，微信支付分正在扣款', tone: 'pending' },
  PAID: { title: '已支付', hint: '费用已支付，感谢使用', tone: 'done' },
  REVOKED: { title: '已取消', hint: '订单已取消，不会产生费用', tone: 'closed' },
  EXPIRED: { title: '已过期', hint: '订单长时间未确认，已失效', tone: 'closed' },
};

/** Shown for a status this build does not know (a newer server): never read as paid. */
export const UNKNOWN_STATUS_TEXT: StatusText = {
  title: '状态未知',
  hint: '请下拉刷新查看最新状态',
  tone: 'pending',
};

/** The screen text of a status string as the server sent it. */
export function statusText(status: string): StatusText {
  return isOrderStatus(status) ? STATUS_TEXT[status] : UNKNOWN_STATUS_TEXT;
}

function isOrderStatus(value: string): value is OrderStatus {
  return Object.prototype.hasOwnProperty.call(STATUS_TEXT, value);
}
