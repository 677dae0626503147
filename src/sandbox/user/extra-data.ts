/**
 * The Pay Score mini program's checks when a merchant opens the confirm page with
 * `wx.openBusinessView({ businessType: 'wxpayScoreUse', extraData })`, and the errors it shows.
 */
import { signHmacSha256 } from '../../payscore/crypto/hmac';
import type { SandboxIdentity } from '../merchant/identity';
import type { SandboxOrder } from '../orders/model';
import type { SandboxOrderBook } from '../orders/store';
import { SandboxApiError } from '../wire/api-error';

const SIGNED_FIELDS = ['mch_id', 'package', 'timestamp', 'nonce_str', 'sign_type', 'sign'];

/** What the confirm page shows, with the sandbox's diagnosis in `detail.issue`. */
function pageError(code: string, message: string, issue: string): SandboxApiError {
  return new SandboxApiError(400, code, message, { issue });
}

const requestError = (code: string) => `商户请求错误，错误码：${code}`;
const BUSY = '系统繁忙';

/**
 * Checks the launching appid and the extraData against the order its package names; returns
 * that order. Nothing is used up here: the caller binds the package once all checks passed.
 */
export function checkExtraData(
  orders: SandboxOrderBook,
  identity: SandboxIdentity,
  appid: unknown,
  extraData: unknown,
): SandboxOrder {
  const data = (extraData && typeof extraData === 'object' ? extraData : {}) as Record<
    string,
    unknown
  >;
  if (typeof data.package !== 'string' || data.package === '') {
    throw pageError('4185', requestError('4185'), 'extraData.package is empty or missing');
  }
  const record = orders.withPackage(data.package);
  if (!record) throw pageError('4186', requestError('4186'), 'package is not one create returned');
  if (appid !== record.entity.appid) {
    const issue = `launching appid ${String(appid)} is not the order's appid`;
    throw pageError('4108', requestError('4108'), issue);
  }

  const problems = shapeProblems(data);
  if (problems.length > 0) throw pageError('INVALID_EXTRA_DATA', BUSY, problems.join('; '));
  const fields = data as Record<string, string>;
  if (fields.mch_id !== identity.merchant.mchid) {
    throw pageError('4188', requestError('4188'), 'mch_id is not the merchant of the order');
  }
  checkSign(fields, identity);

  if (record.packageOpenedBy !== undefined) {
    throw pageError('PACKAGE_USED', '订单未获得权益，系统繁忙', 'package was already opened once');
  }
  if (record.entity.state !== 'CREATED') {
    const issue = `order is ${record.entity.state}; only CREATED orders can be confirmed`;
    throw pageError('ORDER_STATE', '订单未获得权益，系统繁忙', issue);
  }
  return record;
}

/** String values only, 10-digit seconds, HMAC-SHA256 with a 64-character upper-case sign. */
function shapeProblems(data: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(data)) {
    if (typeof value !== 'string') problems.push(`${name} must be a string, got ${typeof value}`);
  }
  for (const name of SIGNED_FIELDS) {
    if (data[name] === undefined || data[name] === '') problems.push(`${name} is missing`);
  }
  if (typeof data.timestamp === 'string' && !/^\d{10}$/.test(data.timestamp)) {
    problems.push('timestamp must be 10 digits of seconds');
  }
  if (data.sign_type !== 'HMAC-SHA256') problems.push('sign_type must be HMAC-SHA256');
  if (typeof data.sign === 'string' && !/^[0-9A-F]{64}$/.test(data.sign)) {
    problems.push(`sign must be 64 upper-case hex characters, got ${data.sign.length} characters`);
  }
  return problems;
}

/** The sign covers every field sent except itself, keyed with the APIv2 key. */
function checkSign(fields: Record<string, string>, identity: SandboxIdentity): void {
  const { apiV2Key, apiV3Key } = identity.merchant;
  if (fields.sign === signHmacSha256(fields, apiV2Key)) return;
  const issue =
    fields.sign === signHmacSha256(fields, apiV3Key)
      ? 'sign was made with the APIv3 key; Pay Score checks it with the APIv2 key'
      : 'sign is not HMAC-SHA256 with the APIv2 key over the sorted k=v pairs + &key=';
  throw pageError('SIGN_MISMATCH', '商户签名校验失败', issue);
}
