/**
 * The state machine of a confirm-mode order as WeChat Pay documents it: CREATED, then
 * DOING/USER_CONFIRM once the user confirms, DOING/MCH_COMPLETE (collecting) after complete,
 * DONE when paid; cancel only before completion; modify, pay and sync only while collecting.
 * Each function checks the state, applies one step and says which notification, if any, WeChat
 * Pay would now send.
 */
import { EVENT_USER_CONFIRM, EVENT_USER_PAID } from '../../payscore/constants';
import { formatBeijingTime } from '../clock';
import type { CompleteParams } from '../rules/operations';
import { instantOf, assign } from '../rules/common';
import { SERVICE_RISK_CAP } from '../rules/create';
import { paramError, SandboxApiError } from '../wire/api-error';
import type { SandboxOrder } from './model';
import { newTransactionId } from './ids';

/** The notification a step triggers. */
export type OrderEvent = typeof EVENT_USER_CONFIRM | typeof EVENT_USER_PAID;

/** `risk_fund.name` values of 先免 (deposit waived): the final fee may not exceed the fund. */
const DEPOSIT_WAIVED = ['DEPOSIT', 'ADVANCE', 'CASH_DEPOSIT'];

/** 400 INVALID_REQUEST 当前订单状态不合法 for `operation` in the order's current state. */
export function invalidState(record: SandboxOrder, operation: string): SandboxApiError {
  const { state, state_description: description } = record.entity;
  const current = description ? `${state}/${description}` : state;
  return new SandboxApiError(400, 'INVALID_REQUEST', '当前订单状态不合法', {
    issue: `${operation} is not allowed while the order is ${current}`,
  });
}

/** True while the merchant has completed and Pay Score is collecting. */
export function isCollecting(record: SandboxOrder): boolean {
  return (
    record.entity.state === 'DOING' &&
    record.entity.state_description === 'MCH_COMPLETE' &&
    record.entity.collection?.state === 'USER_PAYING'
  );
}

/** The user confirmed on the Pay Score page: CREATED → DOING/USER_CONFIRM. */
export function confirm(record: SandboxOrder, openid: string, nowMs: number): OrderEvent {
  if (record.entity.state !== 'CREATED') throw invalidState(record, 'confirm');
  record.entity.state = 'DOING';
  record.entity.state_description = 'USER_CONFIRM';
  record.entity.openid = openid;
  // Pay Score times have whole seconds; an end_time in the confirming second is not "before".
  record.startedAt ??= Math.floor(nowMs / 1000) * 1000;
  record.updatedAt = nowMs;
  return EVENT_USER_CONFIRM;
}

/** Cancel: allowed in CREATED and DOING/USER_CONFIRM, i.e. before any completion. */
export function cancel(record: SandboxOrder, nowMs: number): void {
  const entity = record.entity;
  if (entity.state === 'REVOKED') {
    throw new SandboxApiError(400, 'ORDER_CANCELED', '订单已取消', { issue: 'already revoked' });
  }
  if (entity.state === 'DONE') {
    throw new SandboxApiError(400, 'ORDER_DONE', '订单已完成', { issue: 'already done' });
  }
  const cancellable =
    entity.state === 'CREATED' ||
    (entity.state === 'DOING' && entity.state_description === 'USER_CONFIRM');
  if (!cancellable) throw invalidState(record, 'cancel');
  entity.state = 'REVOKED';
  delete entity.state_description;
  record.updatedAt = nowMs;
}

/** Complete: DOING/USER_CONFIRM → DOING/MCH_COMPLETE, collection USER_PAYING. */
export function complete(record: SandboxOrder, params: CompleteParams, nowMs: number): void {
  const entity = record.entity;
  if (entity.state !== 'DOING' || entity.state_description !== 'USER_CONFIRM') {
    throw invalidState(record, 'complete');
  }
  checkFinalAmount(record, params.total_amount);
  checkEndTime(record, params, nowMs);

  entity.post_payments = params.post_payments;
  if (params.post_discounts) entity.post_discounts = params.post_discounts;
  else delete entity.post_discounts;
  const range = entity.time_range;
  if (params.start_time) range.start_time = params.start_time;
  assign(range, 'start_time_remark', params.start_time_remark);
  assign(range, 'end_time', params.end_time);
  assign(range, 'end_time_remark', params.end_time_remark);
  if (params.end_location !== undefined) {
    entity.location = { ...entity.location, end_location: params.end_location };
  }
  if (params.device) entity.device = { ...entity.device, ...params.device };
  entity.state_description = 'MCH_COMPLETE';
  entity.total_amount = params.total_amount;
  entity.need_collection = true;
  entity.collection = {
    state: 'USER_PAYING',
    total_amount: params.total_amount,
    paying_amount: params.total_amount,
    paid_amount: 0,
    details: [],
  };
  record.completedAt = nowMs;
  record.updatedAt = nowMs;
}

/** Pay Score collected the fee (its own deduction): → DONE, collection USER_PAID. */
export function deducted(record: SandboxOrder, nowMs: number): OrderEvent {
  if (!isCollecting(record)) throw invalidState(record, 'deduction');
  settle(record, nowMs, 'NEWTON', formatBeijingTime(nowMs));
  return EVENT_USER_PAID;
}

/** Marks the collection paid: by Pay Score (NEWTON) or, after sync, by the merchant (MCH). */
export function settle(
  record: SandboxOrder,
  nowMs: number,
  paidType: 'NEWTON' | 'MCH',
  paidTime: string,
): void {
  const entity = record.entity;
  const collection = entity.collection;
  if (!collection) throw new Error('settle needs a collection');
  collection.details.push({
    seq: collection.details.length + 1,
    amount: collection.paying_amount,
    paid_type: paidType,
    paid_time: paidTime,
    ...(paidType === 'NEWTON' ? { transaction_id: newTransactionId() } : {}),
  });
  collection.paid_amount += collection.paying_amount;
  collection.paying_amount = 0;
  collection.state = 'USER_PAID';
  entity.state = 'DONE';
  delete entity.state_description;
  record.updatedAt = nowMs;
}

function checkFinalAmount(record: SandboxOrder, total: number): void {
  const fund = record.entity.risk_fund;
  const bound = DEPOSIT_WAIVED.includes(fund.name) ? fund.amount : SERVICE_RISK_CAP;
  if (total > bound) {
    throw paramError(
      '/total_amount',
      bound === fund.amount ? '总金额不能超过订单风险金额' : '总金额超过此服务的服务风险金额',
      `total_amount ${total} is above ${bound}`,
    );
  }
}

function checkEndTime(record: SandboxOrder, params: CompleteParams, nowMs: number): void {
  const endText = params.end_time ?? record.entity.time_range.end_time;
  if (endText === undefined) {
    throw paramError(
      '/time_range/end_time',
      '创建订单未填写服务结束时间,则结束时间必填',
      'end_time is required because create had none',
    );
  }
  const start = params.start_time ? instantOf(params.start_time) : record.startedAt;
  if (start !== undefined && instantOf(endText, true) < start) {
    throw paramError('/time_range/end_time', '真实结束时间小于预计开始时间', 'end before start');
  }
  if (params.end_time !== undefined && instantOf(params.end_time) > nowMs) {
    throw paramError(
      '/time_range/end_time',
      '实际结束时间不能晚于使用完结接口的时间',
      'end_time is after the time of the call',
    );
  }
}
