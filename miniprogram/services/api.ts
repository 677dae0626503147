/**
 * The one door to the `payscore` cloud function. Every call resolves, never rejects: a reply
 * from the function comes back as it is, and a call that produced no reply (network down,
 * function timed out) becomes a failure whose outcome on the server is unknown.
 */
import { ORDER_FUNCTION } from './contract';
import type { Failure, Replies, Request } from './contract';

export type Action = Request['action'];

/** Failure decided on the phone: the call produced no reply. */
export interface CallFailure {
  ok: false;
  code: 'CALL_TIMEOUT' | 'NETWORK';
  message: string;
}

/** What a call to `action` resolves to. */
export type Outcome<A extends Action> = Replies[A] | CallFailure;

/** What the user reads when a call produced no usable reply. */
export const CALL_MESSAGES = {
  timeout: '服务繁忙，正在确认订单状态',
  network: '网络异常，请检查网络后重试',
  malformed: '服务返回异常，请稍后重试',
} as const;

// A cloud function killed at its time limit reports "Invoking task timed out after N seconds"
// (errCode -504003 on some clients); the work it started may still have happened.
const TIMEOUT_PATTERN = /timed out|timeout|-504003/i;

/** Calls the cloud function with one request and returns its typed reply. */
export async function callPayScore<R extends Request>(request: R): Promise<Outcome<R['action']>> {
  try {
    const response = await wx.cloud.callFunction({ name: ORDER_FUNCTION, data: request });
    return readReply<R['action']>(request.action, response.result);
  } catch (error) {
    return callFailure(request.action, error);
  }
}

/**
 * True when the server may have acted although the call failed: the caller must re-read the
 * order instead of reporting the action as failed.
 */
export function isUncertain(outcome: { ok: boolean; code?: string }): boolean {
  return (
    !outcome.ok &&
    (outcome.code === 'CALL_TIMEOUT' ||
      outcome.code === 'NETWORK' ||
      outcome.code === 'UPSTREAM_TIMEOUT')
  );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const isOrder = (value: unknown) =>
  isObject(value) && typeof value.out_order_no === 'string' && typeof value.status === 'string';

/**
 * What an `ok` reply of each action must carry for the pages to use it. A function of another
 * version that answers differently is reported as malformed instead of breaking a page.
 */
const COMPLETE: Record<Action, (reply: Record<string, unknown>) => boolean> = {
  plan: (reply) => isObject(reply.plan),
  start: (reply) =>
    typeof reply.out_order_no === 'string' && isOrder(reply.order) && isObject(reply.businessView),
  query: (reply) => isOrder(reply.order),
  finish: (reply) => isOrder(reply.order),
  cancel: (reply) => isOrder(reply.order),
  list: (reply) => Array.isArray(reply.orders) && reply.orders.every(isOrder),
};

function readReply<A extends Action>(action: A, result: unknown): Outcome<A> {
  if (!isObject(result)) return malformed();
  const reply = result as { ok?: unknown; code?: unknown; message?: unknown };
  if (reply.ok === true) return COMPLETE[action](result) ? (result as Replies[A]) : malformed();
  if (reply.ok === false && typeof reply.code === 'string' && typeof reply.message === 'string') {
    return result as Failure;
  }
  return malformed();
}

function malformed(): Failure {
  return { ok: false, code: 'INTERNAL', message: CALL_MESSAGES.malformed };
}

function callFailure(action: Action, error: unknown): CallFailure {
  const errMsg = errorText(error);
  console.warn(`[payscore] callFunction ${action} failed:`, errMsg);
  if (TIMEOUT_PATTERN.test(errMsg)) {
    return { ok: false, code: 'CALL_TIMEOUT', message: CALL_MESSAGES.timeout };
  }
  return { ok: false, code: 'NETWORK', message: CALL_MESSAGES.network };
}

function errorText(error: unknown): string {
  if (error && typeof error === 'object') {
    const { errMsg, message } = error as { errMsg?: unknown; message?: unknown };
    if (typeof errMsg === 'string') return errMsg;
    if (typeof message === 'string') return message;
  }
  return String(error);
}
