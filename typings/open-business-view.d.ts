/**
 * `wx.openBusinessView` is not in miniprogram-api-typings (its maintainers call it a non-public
 * API), so it is declared here by declaration merging. It is optional: DevTools and old clients
 * lack it, and callers must feature-detect it. `extraData` depends on `businessType`, so a
 * confirm-order call without `package` does not compile.
 */
declare namespace WechatMiniprogram {
  /** Signed extraData of the confirm-order page, as the cloud function's `start` returns it. */
  type PayScoreUseExtraData = import('../miniprogram/services/contract').ConfirmExtraData;

  /** Signed extraData of the Pay Score order-detail page. */
  interface PayScoreDetailExtraData {
    mch_id: string;
    service_id: string;
    out_order_no: string;
    timestamp: string;
    nonce_str: string;
    sign_type: 'HMAC-SHA256';
    sign: string;
  }

  type OpenBusinessViewTarget =
    | {
        businessType: typeof import('../miniprogram/utils/payscore-constants').BUSINESS_TYPE_USE;
        extraData: PayScoreUseExtraData;
      }
    | {
        businessType: typeof import('../miniprogram/utils/payscore-constants').BUSINESS_TYPE_DETAIL;
        extraData: PayScoreDetailExtraData;
      };

  interface OpenBusinessViewSuccess {
    errMsg: string;
    /** Some clients are reported to echo the return data here; never proof of confirmation. */
    extraData?: { query_id?: string };
  }

  interface OpenBusinessViewFail {
    errMsg: string;
    errCode?: number;
  }

  type OpenBusinessViewOption = OpenBusinessViewTarget & {
    /** Only the release version of the Pay Score mini program can be opened. */
    envVersion?: 'release';
    success?: (result: OpenBusinessViewSuccess) => void;
    fail?: (error: OpenBusinessViewFail) => void;
    complete?: (result: OpenBusinessViewSuccess | OpenBusinessViewFail) => void;
  };

  interface Wx {
    /** Opens a WeChat business page (base library 2.6.0+); missing in DevTools. */
    openBusinessView?: (option: OpenBusinessViewOption) => void;
  }
}
