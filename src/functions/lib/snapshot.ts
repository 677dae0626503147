import { isForward, orderStatus, parseBeijingTime, type ServiceOrder } from '../../payscore';
import type { OrderPatch, OrderRecord, OrderStore } from './store/order-store';

const ATTEMPTS = 3;

/**
 * What changes in a stored order when WeChat Pay reports `order`: only forward moves are kept,
 * so a late or replayed report never takes an order back. The confirmation time, which the fee
 * runs from, is the service's actual start when WeChat Pay reports one, else `confirmedAt`
 * (the USER_CONFIRM notification's time), else now.
 */
export function patchFromOrder(
  record: OrderRecord,
  order: ServiceOrder,
  now: number,
  confirmedAt?: number,
): OrderPatch | undefined {
  const next = orderStatus(order);
  const current =
    record.status === 'CREATING' || record.status === 'FAILED' ? undefined : record.status;
  if (current && !isForward(current, next)) return undefined;

  const patch: OrderPatch = {};
  const reached = (...statuses: string[]) => statuses.includes(next);
  if (record.status !== next) patch.status = next;
  if (order.order_id && !record.order_id) patch.order_id = order.order_id;
  if (reached('IN_SERVICE', 'COLLECTING', 'PAID') && record.confirmed_at === undefined) {
    const started = parseBeijingTime(order.time_range?.start_time ?? '')?.getTime();
    const reported = started ?? confirmedAt ?? now;
    patch.confirmed_at = Math.min(now, Math.max(record.created_at, reported));
  } else if (record.status === 'IN_SERVICE' && confirmedAt !== undefined) {
    // A query saw the order in service before the notification arrived with the real time.
    const earlier = Math.max(record.created_at, confirmedAt);
    if (earlier < (record.confirmed_at ?? now)) patch.confirmed_at = earlier;
  }
  if (reached('COLLECTING', 'PAID') && record.finished_at === undefined) patch.finished_at = now;
  if (reached('COLLECTING', 'PAID') && typeof order.total_amount === 'number') {
    if (order.total_amount !== record.total_amount) patch.total_amount = order.total_amount;
  }
  if (next === 'PAID' && record.paid_at === undefined) {
    const detail = order.collection?.details?.find((item) => item.transaction_id);
    patch.paid_at = parseBeijingTime(String(detail?.paid_time ?? ''))?.getTime() ?? now;
    if (detail?.transaction_id) patch.transaction_id = detail.transaction_id;
  }
  return Object.keys(patch).length > 0 ? { ...patch, updated_at: now } : undefined;
}

/**
 * Applies a WeChat Pay report to the stored order. Returns the stored order afterwards, or
 * undefined when this project never stored that order.
 */
export function saveSnapshot(
  store: OrderStore,
  order: ServiceOrder,
  now: number,
  confirmedAt?: number,
): Promise<OrderRecord | undefined> {
  return patchRecord(store, order.out_order_no, (record) =>
    patchFromOrder(record, order, now, confirmedAt),
  );
}

/**
 * Changes a stored order with compare-and-set, re-reading when a concurrent writer got there
 * first, so no update is lost.
 */
export async function patchRecord(
  store: OrderStore,
  outOrderNo: string,
  change: (record: OrderRecord) => OrderPatch | undefined,
): Promise<OrderRecord | undefined> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const record = await store.get(outOrderNo);
    if (!record) return undefined;
    const patch = change(record);
    if (!patch) return record;
    if (await store.update(outOrderNo, record.version, patch)) {
      return { ...record, ...patch, version: record.version + 1 };
    }
  }
  throw new Error(`order ${outOrderNo} kept changing; gave up after ${ATTEMPTS} tries`);
}

/** Marks an order WeChat Pay does not have (refused, never reached, over the limit) FAILED. */
export function markFailed(store: OrderStore, outOrderNo: string, now: number) {
  return patchRecord(store, outOrderNo, (record) =>
    record.status === 'CREATING' ? { status: 'FAILED', updated_at: now } : undefined,
  );
}
