/**
 * What the app does when the user comes back from Pay Score: claim the pending jump, re-read
 * the order from the server and show it. It runs from App.onLaunch (cold start) and
 * App.onShow (warm return) — a page's own onShow never receives the return data.
 */
import { MAX_PAGE_STACK, orderUrl, ROUTES } from '../utils/routes';
import { callPayScore } from './api';
import type { Outcome } from './api';
import { handOrder } from './order-cache';
import { claimPendingJump } from './pending-jump';
import { decideReturn, isPayScoreReturn } from './return';
import type { ReturnQuery, ShowOptionsLike } from './return';

/** The order page's methods this flow calls to refresh it in place. */
export interface OrderPageHooks {
  markChecking(): void;
  showOrderReply(reply: Outcome<'query'>): void;
}

/** Handles one App.onLaunch/onShow; does nothing unless it is a return with a jump pending. */
export async function handleAppShow(options: ShowOptionsLike | undefined): Promise<void> {
  if (!isPayScoreReturn(options)) return;
  const decision = decideReturn(options, claimPendingJump());
  if (!decision.handle) return;

  try {
    orderPageFor(decision.out_order_no)?.markChecking();
    const reply = await queryInTurn(decision.queries);
    showReply(decision.out_order_no, reply);
  } catch (error) {
    console.error('[payscore] handling the return from Pay Score failed:', error);
  }
}

async function queryInTurn(queries: ReturnQuery[]): Promise<Outcome<'query'>> {
  let reply: Outcome<'query'> | null = null;
  for (const query of queries) {
    reply = await callPayScore(query);
    if (reply.ok) return reply;
    console.warn('[payscore] query after return failed:', reply.code, reply.message);
  }
  return reply ?? { ok: false, code: 'INTERNAL', message: '没有可查询的订单' };
}

/**
 * Shows the order the server answered for. A query_id names its own order, which may not be
 * the pending one (another jump's return): then that order's page is opened instead.
 */
function showReply(pendingOrderNo: string, reply: Outcome<'query'>): void {
  const outOrderNo = reply.ok ? reply.order.out_order_no : pendingOrderNo;
  const page = orderPageFor(outOrderNo);
  if (page) {
    page.showOrderReply(reply);
    return;
  }
  if (reply.ok) handOrder(reply.order);
  openOrderPage(outOrderNo);
}

function openOrderPage(outOrderNo: string): void {
  const url = orderUrl(outOrderNo);
  const fail = (error: { errMsg: string }) =>
    console.error('[payscore] opening the order page failed:', error.errMsg);
  const pages = getCurrentPages();
  const top = pages[pages.length - 1];
  if (!top) {
    // A cold start may come back before any page is shown.
    wx.reLaunch({ url, fail });
  } else if (top.route === ROUTES.order || pages.length >= MAX_PAGE_STACK) {
    wx.redirectTo({ url, fail });
  } else {
    wx.navigateTo({ url, fail });
  }
}

function orderPageFor(outOrderNo: string): OrderPageHooks | null {
  const pages = getCurrentPages();
  const top = pages[pages.length - 1];
  if (!top || top.route !== ROUTES.order || top.data.outOrderNo !== outOrderNo) return null;
  return hasOrderHooks(top) ? top : null;
}

function hasOrderHooks(page: object): page is OrderPageHooks {
  const hooks: Partial<OrderPageHooks> = page;
  return typeof hooks.markChecking === 'function' && typeof hooks.showOrderReply === 'function';
}
