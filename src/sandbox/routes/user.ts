/**
 * Sandbox-only routes that play the user and Pay Score's collection (WeChat Pay has no such
 * API): open the confirm page, decide, and let a deduction succeed or fail.
 */
import { deduct } from '../context';
import type { SandboxOrder } from '../orders/model';
import { orderView } from '../orders/views';
import { decide, openConfirmPage, openOrderPage } from '../user/actions';
import { DECISIONS, type ConfirmPage, type Decision } from '../user/confirm-pages';
import { SandboxApiError } from '../wire/api-error';
import type { SandboxContext } from '../context';
import type { RouteEntry, RouteReply } from './table';

const ok = (payload: unknown): RouteReply => ({ status: 200, payload });

/** The user's and Pay Score's actions. */
export const USER_ROUTES: readonly RouteEntry[] = [
  {
    // { appid, openid, extraData } → { page_id, out_order_no, order }
    method: 'POST',
    path: 'user/open',
    handler: (ctx, { body }) => ok(pageView(ctx, openConfirmPage(ctx, body))),
  },
  {
    // { page_id, decision } → what the mini program gets back
    method: 'POST',
    path: 'user/decide',
    handler: (ctx, { body }) => {
      const page = typeof body.page_id === 'string' ? ctx.pages.get(body.page_id) : undefined;
      if (!page) throw new SandboxApiError(404, 'PAGE_NOT_FOUND', '页面不存在');
      return ok(decide(ctx, page, decisionOf(body.decision)));
    },
  },
  {
    // open + decide in one call: { appid, openid, extraData, decision = 'confirm' }
    method: 'POST',
    path: 'user/confirm',
    handler: (ctx, { body }) => {
      const decision = decisionOf(body.decision ?? 'confirm');
      return ok(decide(ctx, openConfirmPage(ctx, body), decision));
    },
  },
  {
    // the page's shortcut, without extraData: { openid?, decision = 'confirm' }
    method: 'POST',
    path: 'orders/:no/confirm',
    handler: (ctx, { no, body }) => {
      const decision = decisionOf(body.decision ?? 'confirm');
      return ok(decide(ctx, openOrderPage(ctx, found(ctx, no), body.openid), decision));
    },
  },
  {
    // { outcome: 'paid' | 'unpaid' } → the order after the attempt
    method: 'POST',
    path: 'orders/:no/deduct',
    handler: (ctx, { no, body }) => {
      const outcome = body.outcome ?? 'paid';
      if (outcome !== 'paid' && outcome !== 'unpaid') {
        throw new SandboxApiError(400, 'BAD_INPUT', 'outcome无效', {
          issue: "outcome must be 'paid' or 'unpaid'",
        });
      }
      const record = found(ctx, no);
      deduct(ctx, record, outcome);
      return ok(orderView(record));
    },
  },
];

/** The order named in the path, or 404. */
export function found(ctx: SandboxContext, outOrderNo: string): SandboxOrder {
  const record = ctx.orders.get(outOrderNo);
  if (!record) throw new SandboxApiError(404, 'ORDER_NOT_EXIST', '订单不存在');
  return record;
}

function pageView(ctx: SandboxContext, page: ConfirmPage) {
  const record = found(ctx, page.outOrderNo);
  return { page_id: page.id, out_order_no: page.outOrderNo, order: orderView(record) };
}

function decisionOf(value: unknown): Decision {
  if (!DECISIONS.includes(value as Decision)) {
    throw new SandboxApiError(400, 'BAD_INPUT', 'decision无效', {
      issue: `decision must be one of ${DECISIONS.join(', ')}`,
    });
  }
  return value as Decision;
}
