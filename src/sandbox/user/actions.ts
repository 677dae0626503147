/**
 * What the sandbox user does on the Pay Score side: open the confirm page with the merchant's
 * extraData, then confirm or leave, and what the merchant's mini program gets back on return.
 */
import { BUSINESS_TYPE_USE, PAYSCORE_MINI_PROGRAM_APPID } from '../../payscore/constants';
import { userConfirms, type SandboxContext } from '../context';
import { newQueryId } from '../orders/ids';
import type { SandboxOrder } from '../orders/model';
import { SandboxApiError } from '../wire/api-error';
import type { ConfirmPage, Decision } from './confirm-pages';
import { checkExtraData } from './extra-data';

/** What `App.onShow` of the merchant's mini program receives, plus the sandbox's summary. */
export interface UserReturn {
  out_order_no: string;
  confirmed: boolean;
  query_id?: string;
  referrer_info: { appId: string; extraData?: { query_id: string } };
}

/** Opens the confirm page: checks as Pay Score does, then binds the package to this user. */
export function openConfirmPage(
  ctx: SandboxContext,
  input: { appid?: unknown; openid?: unknown; extraData?: unknown; businessType?: unknown },
): ConfirmPage {
  // Pay Score sees no package at all when the jump named another business type.
  if (input.businessType !== undefined && input.businessType !== BUSINESS_TYPE_USE) {
    throw new SandboxApiError(400, '4185', '商户请求错误，错误码：4185', {
      issue: `businessType must be ${BUSINESS_TYPE_USE}`,
    });
  }
  const openid = checkOpenid(input.openid);
  const record = checkExtraData(ctx.orders, ctx.identity, input.appid, input.extraData);
  return bindPackage(ctx, record, openid);
}

/**
 * Opens the page of an order without extraData (the sandbox page's shortcut); the package is
 * used up all the same.
 */
export function openOrderPage(ctx: SandboxContext, record: SandboxOrder, openid: unknown) {
  const user = checkOpenid(openid ?? 'oSANDBOX_user_000000000000');
  if (record.packageOpenedBy !== undefined) {
    throw new SandboxApiError(400, 'PACKAGE_USED', '订单未获得权益，系统繁忙', {
      issue: 'package was already opened once',
    });
  }
  return bindPackage(ctx, record, user);
}

/** Closes a page with the user's decision; each page takes one decision. */
export function decide(ctx: SandboxContext, page: ConfirmPage, decision: Decision): UserReturn {
  if (page.decision) {
    throw new SandboxApiError(409, 'PAGE_CLOSED', '页面已关闭', {
      issue: `the user already chose ${page.decision} on this page`,
    });
  }
  const record = ctx.orders.get(page.outOrderNo);
  if (!record) throw new SandboxApiError(404, 'ORDER_NOT_EXIST', '订单不存在');
  page.decision = decision;

  const referrer = { appId: PAYSCORE_MINI_PROGRAM_APPID };
  if (decision === 'leave') {
    return { out_order_no: page.outOrderNo, confirmed: false, referrer_info: referrer };
  }
  userConfirms(ctx, record, page.openid);
  if (decision === 'back-icon') {
    return { out_order_no: page.outOrderNo, confirmed: true, referrer_info: referrer };
  }
  const queryId = newQueryId();
  ctx.orders.addQueryId(record, queryId);
  return {
    out_order_no: page.outOrderNo,
    confirmed: true,
    query_id: queryId,
    referrer_info: { ...referrer, extraData: { query_id: queryId } },
  };
}

function bindPackage(ctx: SandboxContext, record: SandboxOrder, openid: string): ConfirmPage {
  if (record.entity.state !== 'CREATED') {
    throw new SandboxApiError(400, 'ORDER_STATE', '订单未获得权益，系统繁忙', {
      issue: `order is ${record.entity.state}; only CREATED orders can be confirmed`,
    });
  }
  record.packageOpenedBy = openid;
  return ctx.pages.open(record.entity.out_order_no, openid, ctx.now());
}

function checkOpenid(openid: unknown): string {
  if (typeof openid !== 'string' || !/^[0-9A-Za-z_-]{1,128}$/.test(openid)) {
    throw new SandboxApiError(400, 'BAD_INPUT', 'openid无效', {
      issue: 'openid must be 1-128 characters of [0-9A-Za-z_-]',
    });
  }
  return openid;
}
