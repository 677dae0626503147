/**
 * Hands an order just read from the server to the order page that is about to open, so the
 * page shows it without a second query.
 */
import type { OrderView } from './contract';

let handed: OrderView | null = null;

/** Leaves an order for the next order page that opens for it. */
export function handOrder(order: OrderView): void {
  handed = order;
}

/** Takes the order left for this out_order_no, if any. */
export function takeHandedOrder(outOrderNo: string): OrderView | null {
  const order = handed;
  handed = null;
  return order !== null && order.out_order_no === outOrderNo ? order : null;
}
