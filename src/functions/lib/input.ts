import type { Request } from '../../../miniprogram/services/contract';
import { OUT_ORDER_NO_PATTERN, LIMITS } from '../../payscore';
import { UserFacingError } from './failure';

/** Fields each action accepts. `userInfo` is added by WeChat to every callFunction event. */
const FIELDS: Record<Request['action'], string[]> = {
  plan: [],
  start: [],
  list: [],
  query: ['out_order_no', 'query_id'],
  finish: ['out_order_no'],
  cancel: ['out_order_no'],
};
const ALWAYS_ALLOWED = ['action', 'userInfo'];

/**
 * Checks a callFunction event and returns it as a typed request. Unknown actions, extra or
 * missing fields, wrong types, oversized strings and `__proto__`-style keys are refused.
 */
export function parseRequest(event: unknown): Request {
  if (!event || typeof event !== 'object' || Array.isArray(event)) invalid('请求格式有误');
  const data = event as Record<string, unknown>;
  const action = data.action;
  if (typeof action !== 'string' || !Object.hasOwn(FIELDS, action)) invalid('不支持的操作');

  const allowed = FIELDS[action as Request['action']];
  for (const key of Object.keys(data)) {
    if (!allowed.includes(key) && !ALWAYS_ALLOWED.includes(key))
      invalid(`不支持的参数 ${safeKey(key)}`);
  }
  if (action === 'query') return parseQuery(data);
  if (action === 'finish' || action === 'cancel') {
    return { action, out_order_no: outOrderNo(data.out_order_no) };
  }
  return { action } as Request;
}

function parseQuery(data: Record<string, unknown>): Request {
  const hasOrder = data.out_order_no !== undefined;
  const hasQueryId = data.query_id !== undefined;
  if (hasOrder === hasQueryId) invalid('请提供订单号或 query_id 其中之一');
  if (hasOrder) return { action: 'query', out_order_no: outOrderNo(data.out_order_no) };
  const queryId = data.query_id;
  // Printable ASCII without spaces: what WeChat Pay hands out, and nothing to smuggle along.
  if (typeof queryId !== 'string' || !/^[\x21-\x7e]+$/.test(queryId)) invalid('query_id 格式有误');
  if (queryId.length > LIMITS.queryId) invalid('query_id 格式有误');
  return { action: 'query', query_id: queryId as string };
}

function outOrderNo(value: unknown): string {
  if (typeof value !== 'string' || !OUT_ORDER_NO_PATTERN.test(value)) invalid('订单号格式有误');
  return value as string;
}

function safeKey(key: string): string {
  return JSON.stringify(key.slice(0, 32));
}

function invalid(message: string): never {
  throw new UserFacingError('INVALID_INPUT', message);
}
