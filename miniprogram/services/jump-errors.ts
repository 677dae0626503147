/**
 * What a failed Pay Score jump means for the user. The errMsg suffixes below are the ones seen
 * in the field (iOS and Android word the same fault differently); none of them changes the
 * order, which is always re-read from the server afterwards.
 */

/** The `fail` result of `wx.openBusinessView` / `wx.navigateToMiniProgram`. */
export interface JumpFailure {
  errMsg: string;
  errCode?: number;
}

export type JumpFailureKind =
  | 'cancelled'
  | 'rejected'
  | 'navigation-busy'
  | 'invalid-business-type'
  | 'permission-denied'
  | 'unknown';

export const JUMP_MESSAGES: Record<JumpFailureKind, string> = {
  cancelled: '你已取消，订单尚未确认',
  rejected: '微信支付分未通过订单参数或签名校验，请稍后重试',
  'navigation-busy': '上一次跳转尚未完成，请关闭小程序后重新进入',
  'invalid-business-type': '跳转配置有误，请联系客服处理',
  'permission-denied': '当前环境无权打开微信支付分，请在微信中重试',
  unknown: '暂时无法打开微信支付分，请稍后重试',
};

/** Shown when `wx.openBusinessView` does not exist: DevTools, or WeChat older than 7.0.3. */
export const UNSUPPORTED_MESSAGE =
  '当前微信版本不支持微信支付分，请升级微信后重试（开发者工具不支持，请在手机上预览）';

const KINDS: Record<string, JumpFailureKind> = {
  'fail cancel': 'cancelled',
  'fail request cgi error': 'rejected',
  'fail cgi error': 'rejected',
  'fail system error': 'rejected',
  'fail another navigation is in progress': 'navigation-busy',
  'fail invalid businesstype': 'invalid-business-type',
  'permission denied': 'permission-denied',
  'fail permission denied': 'permission-denied',
};

/** Classifies a fail result by its errMsg, ignoring the `api:` prefix and letter case. */
export function classifyJumpFailure(failure: JumpFailure): JumpFailureKind {
  const colon = failure.errMsg.indexOf(':');
  const reason = failure.errMsg
    .slice(colon + 1)
    .trim()
    .toLowerCase();
  return Object.prototype.hasOwnProperty.call(KINDS, reason) ? KINDS[reason] : 'unknown';
}

/** The Chinese message for a fail result. */
export function describeJumpFailure(failure: JumpFailure): string {
  return JUMP_MESSAGES[classifyJumpFailure(failure)];
}
