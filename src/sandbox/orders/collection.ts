/**
 * Steps allowed only while Pay Score collects a completed order (collection USER_PAYING):
 * modify (lower the fee), pay (collect now) and sync (the user paid elsewhere).
 */
import { instantOf } from '../rules/common';
import type { ModifyParams } from '../rules/operations';
import { paramError } from '../wire/api-error';
import type { SandboxOrder } from './model';
import { invalidState, isCollecting, settle } from './transitions';

const SYNC_FUTURE_SLACK_MS = 60 * 1000;

/** Modify: only while collecting, and only to a lower total. */
export function modify(record: SandboxOrder, params: ModifyParams, nowMs: number): void {
  if (!isCollecting(record)) throw invalidState(record, 'modify');
  const entity = record.entity;
  const current = entity.total_amount ?? 0;
  if (params.total_amount >= current) {
    throw paramError(
      '/total_amount',
      '修改后的订单金额必须小于原订单金额',
      `total_amount ${params.total_amount} must be lower than ${current}`,
    );
  }
  entity.post_payments = params.post_payments;
  if (params.post_discounts) entity.post_discounts = params.post_discounts;
  else delete entity.post_discounts;
  if (params.device) entity.device = { ...entity.device, ...params.device };
  entity.total_amount = params.total_amount;
  if (entity.collection) {
    entity.collection.total_amount = params.total_amount;
    entity.collection.paying_amount = params.total_amount - entity.collection.paid_amount;
  }
  record.updatedAt = nowMs;
}

/** Pay (催收): only while collecting; the collection itself happens on WeChat's side. */
export function requestCollection(record: SandboxOrder, nowMs: number): void {
  if (!isCollecting(record)) throw invalidState(record, 'pay');
  record.deductionAttempts += 1;
  record.updatedAt = nowMs;
}

/** Sync Order_Paid: the user paid through the merchant; → DONE with paid_type MCH. */
export function syncPaid(record: SandboxOrder, paidTime: string, nowMs: number): void {
  if (!isCollecting(record)) throw invalidState(record, 'sync');
  if (instantOf(paidTime) > nowMs + SYNC_FUTURE_SLACK_MS) {
    throw paramError('/detail/paid_time', '支付时间不能晚于当前时间', 'paid_time is in the future');
  }
  const completedSecond = Math.floor((record.completedAt ?? 0) / 1000) * 1000;
  if (instantOf(paidTime, true) < completedSecond) {
    throw paramError(
      '/detail/paid_time',
      '支付时间不能早于订单完结时间',
      'paid_time is before the order was completed',
    );
  }
  settle(record, nowMs, 'MCH', paidTime);
}
