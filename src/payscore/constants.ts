/**
 * The Pay Score facts every layer of the server side relies on, named once.
 * The mini program keeps its own copy in miniprogram/utils/payscore-constants.ts (it cannot
 * import from src/); a test checks the two agree.
 */

/** AppID of WeChat's own Pay Score mini program, the one the user confirms in. */
export const PAYSCORE_MINI_PROGRAM_APPID = 'wxd8f3793ea3b935b8';

/** Page of the Pay Score mini program opened by the legacy `wx.navigateToMiniProgram` jump. */
export const PAYSCORE_MINI_PROGRAM_PATH = 'pages/use/use';

/** `wx.openBusinessView` businessType that opens the confirm-order page. */
export const BUSINESS_TYPE_USE = 'wxpayScoreUse';

/** Scene value of a mini program entered by returning from another mini program. */
export const RETURN_SCENE = 1038;

/** Scheme name in the APIv3 `Authorization` header and `Wechatpay-Signature-Type`. */
export const SIGNATURE_SCHEME = 'WECHATPAY2-SHA256-RSA2048';

/** Prefix of the deliberately wrong signatures WeChat Pay sends to test verification. */
export const SIGNTEST_PREFIX = 'WECHATPAY/SIGNTEST/';

/** Largest accepted distance between a signed timestamp and now, either way. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** Prefix of a WeChat Pay public key id, as sent in `Wechatpay-Serial`. */
export const PUBLIC_KEY_ID_PREFIX = 'PUB_KEY_ID_';

/** Path of the service-order API; per-order operations append `/{out_order_no}/<op>`. */
export const SERVICE_ORDER_PATH = '/v3/payscore/serviceorder';

/** Field limits of the service-order API, in characters. */
export const LIMITS = {
  outOrderNo: 32,
  serviceIntroduction: 20,
  paymentName: 20,
  paymentDescription: 30,
  paymentCountMax: 100,
  postPaymentsMax: 100,
  postDiscountsMax: 30,
  riskFundDescription: 30,
  attach: 256,
  notifyUrl: 255,
  reason: 50,
  location: 50,
  startTimeRemark: 20,
  endTimeRemark: 50,
  queryId: 512,
  deviceField: 32,
  materielNo: 128,
} as const;

/** Characters allowed in `out_order_no`. */
export const OUT_ORDER_NO_PATTERN = /^[0-9A-Za-z_\-|*]{1,32}$/;

/** `risk_fund.name` values: the first three waive a deposit (先免), the last is pay-later (先享). */
export const RISK_FUND_NAMES = [
  'DEPOSIT',
  'ADVANCE',
  'CASH_DEPOSIT',
  'ESTIMATE_ORDER_COST',
] as const;

/** Notification event types of the confirm-order flow. */
export const EVENT_USER_CONFIRM = 'PAYSCORE.USER_CONFIRM';
export const EVENT_USER_PAID = 'PAYSCORE.USER_PAID';
