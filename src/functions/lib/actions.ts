import type { Replies, Request } from '../../../miniprogram/services/contract';
import {
  ApiError,
  BUSINESS_TYPE_USE,
  PAYSCORE_MINI_PROGRAM_APPID,
  PAYSCORE_MINI_PROGRAM_PATH,
  buildConfirmExtraData,
  randomString,
  formatBeijingTime,
  type PayScoreClient,
} from '../../payscore';
import { UserFacingError, describeForLog } from './failure';
import { cancelOrder, finishOrder, refreshOrder } from './order-actions';
import { orderView } from './order-view';
import { RENTAL_PLAN, feeSummary, planView } from './plan';
import { markFailed, saveSnapshot } from './snapshot';
import type { OrderRecord, OrderStore } from './store/order-store';

/** What the user-facing actions need; the cloud function builds the real ones. */
export interface ActionDeps {
  client: PayScoreClient;
  store: OrderStore;
  now: () => number;
  log: (line: string) => void;
}

type Success<A extends keyof Replies> = Extract<Replies[A], { ok: true }>;

/** Runs one checked request for the user `openid`. */
export async function runAction(
  request: Request,
  openid: string,
  deps: ActionDeps,
): Promise<Replies[keyof Replies]> {
  switch (request.action) {
    case 'plan':
      return { ok: true, plan: planView() };
    case 'start':
      return startService(openid, deps);
    case 'query':
      return { ok: true, order: orderView(await refreshOrder(request, openid, deps)) };
    case 'finish':
      return finishOrder(request.out_order_no, openid, deps);
    case 'cancel':
      return cancelOrder(request.out_order_no, openid, deps);
    case 'list': {
      const records = await deps.store.listByOpenid(openid, 50);
      const orders = records.filter((record) => record.status !== 'FAILED').map(orderView);
      return { ok: true, orders };
    }
  }
}

/** Most orders one user may have open (not yet finished) at once. */
export const MAX_OPEN_ORDERS = 3;

/** A CREATING order older than this never reached WeChat Pay and no longer counts as open. */
const CREATING_GRACE_MS = 60_000;

/**
 * Whether `record` is one of the user's first MAX_OPEN_ORDERS open orders (by creation). Run
 * after the new order is saved, so concurrent starts cannot all slip past the limit.
 */
async function withinOpenLimit(store: OrderStore, record: OrderRecord, now: number) {
  const open = (await store.listByOpenid(record.openid, 50))
    .filter(
      (item) =>
        item.status === 'WAITING_FOR_USER' ||
        item.status === 'IN_SERVICE' ||
        (item.status === 'CREATING' && now - item.created_at < CREATING_GRACE_MS),
    )
    .sort((a, b) => a.created_at - b.created_at || a.out_order_no.localeCompare(b.out_order_no));
  return open.findIndex((item) => item.out_order_no === record.out_order_no) < MAX_OPEN_ORDERS;
}

/**
 * Saves the order, creates it at WeChat Pay and signs the confirm-page extraData. The order is
 * stored before WeChat Pay is called, so a failure later never leaves an order we do not know.
 */
async function startService(openid: string, deps: ActionDeps): Promise<Success<'start'>> {
  const { client, store } = deps;
  const now = deps.now();
  const outOrderNo = `PS${formatBeijingTime(now)}${randomString(14)}`;
  const { serviceIntroduction, paymentName, feePerHour, riskFund } = RENTAL_PLAN;
  const created: OrderRecord = {
    out_order_no: outOrderNo,
    openid,
    status: 'CREATING',
    service_introduction: serviceIntroduction,
    fee_per_hour: feePerHour,
    risk_fund_amount: riskFund.amount,
    created_at: now,
    updated_at: now,
    version: 0,
  };
  await store.insert(created);
  if (!(await withinOpenLimit(store, created, now))) {
    await markFailed(store, outOrderNo, deps.now());
    throw new UserFacingError('INVALID_STATE', '您有未完成的订单，请先在“我的订单”中结束或取消');
  }

  const order = await client
    .create({
      out_order_no: outOrderNo,
      service_introduction: serviceIntroduction,
      post_payments: [{ name: paymentName, description: feeSummary(feePerHour, riskFund.amount) }],
      time_range: { start_time: 'OnAccept' },
      risk_fund: { ...riskFund },
      notify_url: client.config.notifyUrl,
    })
    .catch(async (error: unknown) => {
      if (error instanceof ApiError && error.status < 500) {
        await markFailed(store, outOrderNo, deps.now());
      }
      throw error;
    });
  if (!order.package) throw new UserFacingError('UPSTREAM_ERROR', '微信支付未返回 package，请重试');

  const record = await saveSnapshot(store, order, deps.now()).catch((error: unknown) => {
    // WeChat Pay has the order and we have it as CREATING: the next query or notification
    // brings it up to date, so the user can still go on.
    deps.log(`[payscore] [start] ${outOrderNo} local update failed: ${describeForLog(error)}`);
    return undefined;
  });
  const { mchid } = client.config.merchant;
  const extraData = buildConfirmExtraData(mchid, order.package, client.config.apiV2Key);
  return {
    ok: true,
    out_order_no: outOrderNo,
    order: orderView(record ?? created),
    businessView: { businessType: BUSINESS_TYPE_USE, extraData },
    navigateToMiniProgram: {
      appId: PAYSCORE_MINI_PROGRAM_APPID,
      path: PAYSCORE_MINI_PROGRAM_PATH,
      extraData,
    },
  };
}
