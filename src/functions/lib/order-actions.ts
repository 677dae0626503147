import type { Replies } from '../../../miniprogram/services/contract';
import {
  ApiError,
  TransportError,
  UncertainOutcomeError,
  formatBeijingTime,
  type OrderQuery,
  type ServiceOrder,
} from '../../payscore';
import type { ActionDeps } from './actions';
import { UserFacingError, describeForLog } from './failure';
import { orderView } from './order-view';
import { RENTAL_PLAN, serviceFee } from './plan';
import { markFailed, patchFromOrder, patchRecord, saveSnapshot } from './snapshot';
import type { OrderRecord, OrderStore } from './store/order-store';

const NOT_FOUND = () => new UserFacingError('NOT_FOUND', '订单不存在');

/** The stored order if it belongs to `openid`; another user's order looks like a missing one. */
export async function ownedRecord(
  store: OrderStore,
  outOrderNo: string,
  openid: string,
): Promise<OrderRecord> {
  const record = await store.get(outOrderNo);
  if (!record || record.openid !== openid || record.status === 'FAILED') throw NOT_FOUND();
  return record;
}

/**
 * Reads the order from WeChat Pay (by `out_order_no` or `query_id`), checks it is the caller's,
 * saves what changed and returns the stored order. If WeChat Pay cannot be reached, the stored
 * order (kept current by notifications) is returned instead — unless `strict`, for decisions
 * that must rest on WeChat Pay's current state.
 */
export async function refreshOrder(
  query: OrderQuery,
  openid: string,
  deps: ActionDeps,
  strict = false,
): Promise<OrderRecord> {
  if (query.out_order_no !== undefined) {
    const record = await ownedRecord(deps.store, query.out_order_no, openid);
    const order = await deps.client.query({ out_order_no: record.out_order_no }).catch((error) => {
      if (isTransient(error) && !strict) {
        const reason = describeForLog(error);
        deps.log(`[payscore] [query] ${record.out_order_no} served from store: ${reason}`);
        return undefined;
      }
      return neverCreated(error, record, deps);
    });
    return order ? ((await saveSnapshot(deps.store, order, deps.now())) ?? record) : record;
  }

  const order = await deps.client.query({ query_id: query.query_id });
  if (order.openid !== undefined && order.openid !== openid) throw NOT_FOUND();
  await ownedRecord(deps.store, order.out_order_no, openid);
  const saved = await saveSnapshot(deps.store, order, deps.now());
  if (!saved) throw NOT_FOUND();
  return saved;
}

/**
 * An order saved before a create that never reached WeChat Pay (it timed out or failed) is
 * unknown there: it is marked FAILED, so it leaves the user's list and open-order count.
 */
async function neverCreated(error: unknown, record: OrderRecord, deps: ActionDeps): Promise<never> {
  const unknown = error instanceof ApiError && error.code === 'ORDER_NOT_EXIST';
  if (!unknown || record.status !== 'CREATING') throw error;
  await markFailed(deps.store, record.out_order_no, deps.now());
  throw new UserFacingError('NOT_FOUND', '订单未创建成功，请重新下单');
}

/**
 * Ends the service: the fee runs from the confirmation to now (started hours, capped by the
 * waived deposit). The order is read first, so a second request completes nothing and says so.
 */
export async function finishOrder(
  outOrderNo: string,
  openid: string,
  deps: ActionDeps,
): Promise<Extract<Replies['finish'], { ok: true }>> {
  const record = await refreshOrder({ out_order_no: outOrderNo }, openid, deps);
  if (record.status === 'COLLECTING' || record.status === 'PAID') {
    return { ok: true, order: orderView(record), alreadyFinished: true };
  }
  if (record.status !== 'IN_SERVICE') {
    throw new UserFacingError('INVALID_STATE', '用户尚未确认订单或订单已结束，无法结束服务');
  }

  const now = deps.now();
  const total = serviceFee(
    record.confirmed_at ?? now,
    now,
    record.fee_per_hour,
    record.risk_fund_amount,
  );
  const completed = await deps.client
    .complete(outOrderNo, {
      post_payments: [{ name: RENTAL_PLAN.paymentName, amount: total }],
      total_amount: total,
      time_range: { end_time: formatBeijingTime(now) },
    })
    .catch(async (error: unknown) => settledElsewhere(error, outOrderNo, deps));
  if (!completed) {
    // Strict: only WeChat Pay's own answer may say whether the refused complete went through.
    const latest = await refreshOrder({ out_order_no: outOrderNo }, openid, deps, true);
    if (latest.status !== 'COLLECTING' && latest.status !== 'PAID') {
      throw new UserFacingError('INVALID_STATE', '订单当前状态不支持结束服务');
    }
    return { ok: true, order: orderView(latest), alreadyFinished: true };
  }
  const saved = await saveSnapshot(deps.store, completed, deps.now()).catch((error: unknown) => {
    // WeChat Pay completed the order; the next query or notification stores it. The user
    // must hear that the service ended, not that it failed.
    deps.log(
      `[payscore] [finish] ${outOrderNo} completed, local update failed: ${describeForLog(error)}`,
    );
    return { ...record, ...patchFromOrder(record, completed, deps.now()) };
  });
  return { ok: true, order: orderView(saved ?? record), alreadyFinished: false };
}

/**
 * Cancels an order the user has not confirmed yet; cancelling twice cancels once. An order in
 * service is not cancelled by the user (see ACTIONS in order-view.ts): it is finished and paid.
 */
export async function cancelOrder(
  outOrderNo: string,
  openid: string,
  deps: ActionDeps,
): Promise<Extract<Replies['cancel'], { ok: true }>> {
  // Strict: a cancel decided on a stale "waiting" would revoke an order already in service.
  const record = await refreshOrder({ out_order_no: outOrderNo }, openid, deps, true);
  if (record.status === 'REVOKED') {
    return { ok: true, order: orderView(record), alreadyCancelled: true };
  }
  if (record.status === 'IN_SERVICE') {
    throw new UserFacingError('INVALID_STATE', '服务已开始，请结束服务后按实际时长付费');
  }
  if (record.status !== 'WAITING_FOR_USER') {
    throw new UserFacingError('INVALID_STATE', '订单已结束，无法取消');
  }
  await deps.client.cancel(outOrderNo, '用户取消服务');
  const revoked = { status: 'REVOKED' as const, updated_at: deps.now() };
  const saved = await patchRecord(deps.store, outOrderNo, () => revoked).catch((error) => {
    deps.log(
      `[payscore] [cancel] ${outOrderNo} revoked, local update failed: ${describeForLog(error)}`,
    );
    return { ...record, ...revoked };
  });
  return { ok: true, order: orderView(saved ?? record), alreadyCancelled: false };
}

/**
 * A complete that WeChat Pay refused because of the order's state may mean an earlier,
 * unanswered complete went through: the caller re-reads the order instead of failing.
 */
async function settledElsewhere(
  error: unknown,
  outOrderNo: string,
  deps: ActionDeps,
): Promise<ServiceOrder | undefined> {
  const stateError =
    error instanceof ApiError && error.status === 400 && error.code !== 'PARAM_ERROR';
  if (!stateError && !(error instanceof UncertainOutcomeError)) throw error;
  deps.log(`[payscore] [finish] ${outOrderNo} re-reading after: ${describeForLog(error)}`);
  return undefined;
}

function isTransient(error: unknown): boolean {
  return error instanceof TransportError || (error instanceof ApiError && error.retryable);
}
