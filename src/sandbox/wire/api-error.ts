/**
 * A refusal the sandbox sends the way WeChat Pay APIv3 does: an HTTP status and a JSON body
 * `{ code, message, detail? }`. Handlers throw these; the API router turns them into replies.
 */

/** `detail` of an APIv3 error body; `field` is a JSON pointer for body fields. */
export interface ErrorDetail {
  field?: string;
  location?: string;
  issue?: string;
  [extra: string]: unknown;
}

/** One WeChat-style refusal. */
export class SandboxApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly detail?: ErrorDetail,
  ) {
    super(message);
    this.name = 'SandboxApiError';
  }

  /** The JSON body WeChat Pay would send for this refusal. */
  toBody(): { code: string; message: string; detail?: ErrorDetail } {
    return this.detail
      ? { code: this.code, message: this.message, detail: this.detail }
      : { code: this.code, message: this.message };
  }
}

/** 400 PARAM_ERROR about one field. */
export function paramError(field: string, message: string, issue: string, location = 'body') {
  return new SandboxApiError(400, 'PARAM_ERROR', message, { field, location, issue });
}

/** 403 NO_AUTH: the mchid, appid and service_id do not belong together. */
export function noAuth(issue: string): SandboxApiError {
  return new SandboxApiError(403, 'NO_AUTH', '商户暂无权限使用此服务', { issue });
}

/** 401 SIGN_ERROR with an explanation for the developer. */
export function signError(message: string, detail: ErrorDetail): SandboxApiError {
  return new SandboxApiError(401, 'SIGN_ERROR', message, detail);
}

/** 404 ORDER_NOT_EXIST. */
export function orderNotFound(): SandboxApiError {
  return new SandboxApiError(404, 'ORDER_NOT_EXIST', '订单不存在');
}

/** 500 SYSTEM_ERROR, for injected faults and for the sandbox's own bugs. */
export function systemError(): SandboxApiError {
  return new SandboxApiError(500, 'SYSTEM_ERROR', '系统错误');
}
