/**
 * The signed extraData of an order's confirm page, kept in memory between the `start` reply
 * and the user's tap on "去确认". Its `package` is single-use: once the confirm page has
 * opened, a retry needs a new order, so a ticket is handed out once.
 */
import type { ConfirmExtraData, StartResult } from './contract';

export interface ConfirmTicket {
  out_order_no: string;
  extraData: ConfirmExtraData;
}

let current: ConfirmTicket | null = null;

/** Keeps the ticket from a `start` reply, replacing any older one. */
export function keepTicket(start: StartResult): void {
  current = { out_order_no: start.out_order_no, extraData: start.businessView.extraData };
}

/** True when an unused ticket for this order is held. */
export function hasTicket(outOrderNo: string): boolean {
  return current !== null && current.out_order_no === outOrderNo;
}

/** Looks at the ticket for this order without using it up. */
export function peekTicket(outOrderNo: string): ConfirmTicket | null {
  return current !== null && current.out_order_no === outOrderNo ? current : null;
}

/** Uses the ticket up: call right before the confirm page is opened with it. */
export function dropTicket(outOrderNo: string): void {
  if (hasTicket(outOrderNo)) current = null;
}
