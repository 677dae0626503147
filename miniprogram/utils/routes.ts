/** Page routes, as listed in app.json, and the URLs that open them. */

export const ROUTES = {
  service: 'pages/service/index',
  order: 'pages/order/index',
  orders: 'pages/orders/index',
} as const;

/** WeChat keeps at most this many pages on the stack; navigateTo fails beyond it. */
export const MAX_PAGE_STACK = 10;

/** URL of the order page for one order. */
export function orderUrl(outOrderNo: string): string {
  return `/${ROUTES.order}?out_order_no=${encodeURIComponent(outOrderNo)}`;
}

/** URL of the "我的订单" list. */
export function ordersUrl(): string {
  return `/${ROUTES.orders}`;
}
