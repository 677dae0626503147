/**
 * Sandbox-only routes to look inside and to steer: orders, notification attempts, API calls,
 * injected faults, and the notify sink.
 */
import { checkFaultSpec } from '../faults';
import type { SandboxContext } from '../context';
import type { SandboxOrder } from '../orders/model';
import { orderView } from '../orders/views';
import { SandboxApiError } from '../wire/api-error';
import type { RouteEntry, RouteReply } from './table';
import { found } from './user';

const ok = (payload: unknown): RouteReply => ({ status: 200, payload });

/** An order with what only the sandbox knows about it. */
export function inspectOrder(ctx: SandboxContext, record: SandboxOrder) {
  const outOrderNo = record.entity.out_order_no;
  return {
    order: orderView(record),
    package: record.package,
    package_opened_by: record.packageOpenedBy ?? null,
    query_ids: record.queryIds,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    deduction_attempts: record.deductionAttempts,
    notifications: ctx.notifier.list().filter((item) => item.out_order_no === outOrderNo),
  };
}

/** How many orders `GET /sandbox/orders` lists, newest first. */
const LISTED_ORDERS = 200;

/** Read-only views plus faults and the sink. */
export const INSPECT_ROUTES: readonly RouteEntry[] = [
  {
    method: 'GET',
    path: 'orders',
    // The newest orders only: the page polls this, and the store may hold thousands.
    handler: (ctx) =>
      ok(
        ctx.orders
          .all()
          .slice(-LISTED_ORDERS)
          .reverse()
          .map((record) => inspectOrder(ctx, record)),
      ),
  },
  {
    method: 'GET',
    path: 'orders/:no',
    handler: (ctx, { no }) => ok(inspectOrder(ctx, found(ctx, no))),
  },
  { method: 'GET', path: 'notifications', handler: (ctx) => ok(ctx.notifier.list()) },
  { method: 'GET', path: 'calls', handler: (ctx) => ok(ctx.calls.list()) },
  { method: 'GET', path: 'faults', handler: (ctx) => ok(ctx.faults.list()) },
  {
    // { route, kind, count?, delayMs? }
    method: 'POST',
    path: 'faults',
    handler: (ctx, { body }) => {
      try {
        ctx.faults.add(checkFaultSpec(body));
      } catch (error) {
        const issue = error instanceof Error ? error.message : String(error);
        throw new SandboxApiError(400, 'BAD_INPUT', '故障参数无效', { issue });
      }
      return ok(ctx.faults.list());
    },
  },
  {
    method: 'DELETE',
    path: 'faults',
    handler: (ctx) => {
      ctx.faults.clear();
      return ok([]);
    },
  },
  { method: 'GET', path: 'notify-sink', handler: (ctx) => ok(ctx.sink.list()) },
  {
    method: 'POST',
    path: 'notify-sink',
    handler: (ctx, { headers, rawBody }) => {
      ctx.sink.add(ctx.now(), headers, rawBody);
      return { status: 204, payload: undefined };
    },
  },
  {
    method: 'GET',
    path: 'merchant',
    handler: (ctx) =>
      ok({
        mchid: ctx.identity.merchant.mchid,
        appid: ctx.ids.appid,
        service_id: ctx.ids.serviceId,
        wechatpay_public_key_id: ctx.identity.wechatpay.publicKeyId,
      }),
  },
];
