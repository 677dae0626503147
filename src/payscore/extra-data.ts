import { randomString } from './crypto/nonce';
import { signHmacSha256 } from './crypto/hmac';
import { ValidationError } from './errors';

/** The `extraData` of `wx.openBusinessView({ businessType: 'wxpayScoreUse' })`. Every value is
 * a string: `mch_id` (note: not `mchid`), `timestamp` in seconds. */
export interface ConfirmExtraData {
  mch_id: string;
  package: string;
  timestamp: string;
  nonce_str: string;
  sign_type: 'HMAC-SHA256';
  sign: string;
}

/**
 * Signs the confirm-page `extraData` for an order's `package` with the **APIv2** key (the
 * APIv3 key gives a signature Pay Score rejects). `package` is passed through unmodified.
 */
export function buildConfirmExtraData(
  mchid: string,
  orderPackage: string,
  apiV2Key: string,
  options: { timestampSeconds?: number; nonce?: string } = {},
): ConfirmExtraData {
  if (!orderPackage) throw new ValidationError('package', 'is empty: create the order first');
  const fields = {
    mch_id: mchid,
    package: orderPackage,
    timestamp: String(options.timestampSeconds ?? Math.floor(Date.now() / 1000)),
    nonce_str: options.nonce ?? randomString(32),
    sign_type: 'HMAC-SHA256' as const,
  };
  return { ...fields, sign: signHmacSha256(fields, apiV2Key) };
}

/**
 * Shape checks of an extraData, as Pay Score applies them: string values, a 10-digit seconds
 * timestamp, a 64-character upper-case hex HMAC-SHA256 sign. Returns the problems found.
 */
export function extraDataProblems(extraData: unknown): string[] {
  if (!extraData || typeof extraData !== 'object') return ['extraData must be an object'];
  const data = extraData as Record<string, unknown>;
  const problems: string[] = [];
  for (const name of ['mch_id', 'package', 'timestamp', 'nonce_str', 'sign_type', 'sign']) {
    if (typeof data[name] !== 'string') problems.push(`${name} must be a string`);
    else if (data[name] === '') problems.push(`${name} must not be empty`);
  }
  if (typeof data.timestamp === 'string' && !/^\d{10}$/.test(data.timestamp)) {
    problems.push('timestamp must be 10 digits of seconds');
  }
  if (data.sign_type !== undefined && data.sign_type !== 'HMAC-SHA256') {
    problems.push('sign_type must be HMAC-SHA256');
  }
  if (typeof data.nonce_str === 'string' && !/^[0-9A-Za-z]{1,32}$/.test(data.nonce_str)) {
    problems.push('nonce_str must be at most 32 letters or digits');
  }
  if (typeof data.sign === 'string' && !/^[0-9a-fA-F]{64}$/.test(data.sign)) {
    problems.push(`sign_type HMAC-SHA256 needs a 64-hex sign; got ${data.sign.length}`);
  } else if (typeof data.sign === 'string' && data.sign !== data.sign.toUpperCase()) {
    problems.push('sign must be upper-case hex');
  }
  return problems;
}
