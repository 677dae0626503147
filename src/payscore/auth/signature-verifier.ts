import { MAX_CLOCK_SKEW_SECONDS, SIGNTEST_PREFIX } from '../constants';
import { verifySha256Rsa } from '../crypto/rsa';
import { SignatureError } from '../errors';
import { keyForSerial, type WechatpayKeys } from './wechatpay-keys';

/** Reads a header by name, ignoring case. */
export type HeaderLookup = (name: string) => string | undefined;

/** Makes a case-insensitive {@link HeaderLookup} over a plain header object. */
export function headerLookup(
  headers: Record<string, string | string[] | undefined> | undefined,
): HeaderLookup {
  const lower = new Map<string, string>();
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) lower.set(name.toLowerCase(), Array.isArray(value) ? value[0] : value);
  }
  return (name) => lower.get(name.toLowerCase());
}

/** The three-line message WeChat Pay signs for responses and notifications. */
export function wechatpaySignMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

/**
 * Verifies a WeChat Pay response or notification over its raw body. Throws a
 * {@link SignatureError} naming the problem; returns normally only for a genuine signature.
 * `checkClock: false` skips the ±300 s check, for error replies, so that a server whose clock
 * is off still reads WeChat Pay's SIGN_ERROR saying so.
 */
export function verifyWechatpaySignature(
  header: HeaderLookup,
  rawBody: string,
  keys: WechatpayKeys,
  nowSeconds: number,
  checkClock = true,
): void {
  const requestId = header('Request-ID');
  const timestamp = header('Wechatpay-Timestamp');
  const nonce = header('Wechatpay-Nonce');
  const signature = header('Wechatpay-Signature');
  const serial = header('Wechatpay-Serial');
  const fail = (problem: ConstructorParameters<typeof SignatureError>[0], message: string) =>
    new SignatureError(problem, message, requestId);

  if (!timestamp || !nonce || !signature || !serial) {
    const missing = [
      ['Wechatpay-Timestamp', timestamp],
      ['Wechatpay-Nonce', nonce],
      ['Wechatpay-Signature', signature],
      ['Wechatpay-Serial', serial],
    ]
      .filter(([, value]) => !value)
      .map(([name]) => name);
    throw fail('missing-headers', `WeChat Pay signature headers missing: ${missing.join(', ')}`);
  }
  if (signature.startsWith(SIGNTEST_PREFIX)) {
    throw fail('signtest-probe', 'rejected a WECHATPAY/SIGNTEST/ signature probe');
  }

  const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
  if (checkClock && !(Math.abs(nowSeconds - seconds) <= MAX_CLOCK_SKEW_SECONDS)) {
    const limit = `more than ${MAX_CLOCK_SKEW_SECONDS} s from now (${nowSeconds})`;
    throw fail('stale-timestamp', `Wechatpay-Timestamp ${timestamp} is ${limit}`);
  }

  const key = keyForSerial(keys, serial);
  if (typeof key === 'string') {
    throw fail('unknown-serial', `no key for Wechatpay-Serial ${serial}: ${key}`);
  }
  if (!verifySha256Rsa(wechatpaySignMessage(timestamp, nonce, rawBody), signature, key)) {
    throw fail('bad-signature', `Wechatpay-Signature does not match (serial ${serial})`);
  }
}
