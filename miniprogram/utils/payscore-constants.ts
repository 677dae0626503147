/**
 * The Pay Score facts the mini program relies on, named once. The server keeps the same values
 * in src/payscore/constants.ts (the mini program cannot import from src/); a test checks the
 * two agree.
 */

/** AppID of WeChat's own Pay Score mini program, the one the user confirms in. */
export const PAYSCORE_MINI_PROGRAM_APPID = 'wxd8f3793ea3b935b8';

/** Page of the Pay Score mini program opened by the legacy `wx.navigateToMiniProgram` jump. */
export const PAYSCORE_MINI_PROGRAM_PATH = 'pages/use/use';

/** `wx.openBusinessView` businessType that opens the confirm-order page. */
export const BUSINESS_TYPE_USE = 'wxpayScoreUse';

/** `wx.openBusinessView` businessType that opens the order-detail page. */
export const BUSINESS_TYPE_DETAIL = 'wxpayScoreDetail';

/** Scene value of a mini program entered by returning from another mini program. */
export const RETURN_SCENE = 1038;
