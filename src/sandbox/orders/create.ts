/** Turning a valid create request into a stored order, and telling retries from conflicts. */
import type { CreateParams } from '../rules/create';
import { instantOf } from '../rules/common';
import type { OrderEntity, SandboxOrder } from './model';
import { newOrderId, newPackage } from './ids';

/**
 * Canonical JSON of the parameters (keys sorted at every level): the same request sent again
 * with another key order or extra unknown fields is still the same request.
 */
export function createKey(params: CreateParams): string {
  return JSON.stringify(sortKeys(params));
}

/** A new order in CREATED with a fresh package. */
export function newOrder(params: CreateParams, mchid: string, nowMs: number): SandboxOrder {
  // need_user_confirm steers the request; WeChat Pay does not echo it in the order.
  const { need_user_confirm: _requestFlag, ...wire } = params;
  const entity: OrderEntity = {
    ...wire,
    mchid,
    state: 'CREATED',
    order_id: newOrderId(),
  };
  const start = params.time_range.start_time;
  return {
    entity,
    package: newPackage(),
    createKey: createKey(params),
    queryIds: [],
    createdAt: nowMs,
    updatedAt: nowMs,
    startedAt: start === 'OnAccept' ? undefined : instantOf(start),
    deductionAttempts: 0,
  };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, inner]) => [key, sortKeys(inner)]));
}
