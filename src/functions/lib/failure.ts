import type { ErrorCode, Failure } from '../../../miniprogram/services/contract';
import {
  ApiError,
  ConfigError,
  SignatureError,
  TransportError,
  ValidationError,
} from '../../payscore';

/** A failure the user is meant to read; thrown inside actions, turned into a reply at the edge. */
export class UserFacingError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: string,
  ) {
    super(`${code}: ${userMessage}`);
  }
}

/** Maps any error to the `{ ok: false }` reply: a Chinese message, never a stack or a secret. */
export function toFailure(error: unknown): Failure {
  const [code, message] = classify(error);
  return { ok: false, code, message };
}

function classify(error: unknown): [ErrorCode, string] {
  if (error instanceof UserFacingError) return [error.code, error.userMessage];
  if (error instanceof ConfigError) return ['CONFIG_ERROR', '支付分服务配置有误，请联系商家'];
  if (error instanceof ValidationError) return ['INVALID_INPUT', '请求参数有误'];
  if (error instanceof TransportError) {
    return ['UPSTREAM_TIMEOUT', '服务繁忙，正在确认订单状态，请稍后刷新'];
  }
  if (error instanceof SignatureError)
    return ['UPSTREAM_ERROR', '微信支付应答校验失败，请稍后重试'];
  if (error instanceof ApiError) return apiFailure(error);
  return ['INTERNAL', '系统繁忙，请稍后重试'];
}

function apiFailure(error: ApiError): [ErrorCode, string] {
  if (error.status >= 500)
    return ['UPSTREAM_TIMEOUT', '微信支付繁忙，正在确认订单状态，请稍后刷新'];
  if (error.code === 'ORDER_NOT_EXIST') return ['NOT_FOUND', '订单不存在'];
  if (error.code === 'NO_AUTH') return ['CONFIG_ERROR', '商户暂无权限使用支付分服务，请联系商家'];
  if (
    ['INVALID_REQUEST', 'INVALID_ORDER_STATE', 'ORDER_CANCELED', 'ORDER_DONE'].includes(error.code)
  ) {
    return ['INVALID_STATE', '订单当前状态不支持该操作'];
  }
  if (error.code === 'FREQUENCY_LIMITED' || error.code === 'RATE_LIMITED') {
    return ['UPSTREAM_ERROR', '操作太频繁，请稍后再试'];
  }
  return ['UPSTREAM_ERROR', '微信支付暂时无法处理该请求，请稍后重试'];
}

/** A one-line description for the function log: class, code and message, no secrets. */
export function describeForLog(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
