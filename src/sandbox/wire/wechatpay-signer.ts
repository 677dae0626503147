/**
 * Signs what the sandbox sends as WeChat Pay: the `Wechatpay-*` headers over
 * `TIMESTAMP\nNONCE\nBODY\n`, with the sandbox's own WeChat Pay private key.
 */
import { randomBytes, type KeyObject } from 'node:crypto';
import { SIGNTEST_PREFIX } from '../../payscore/constants';
import { randomString } from '../../payscore/crypto/nonce';
import { signSha256Rsa } from '../../payscore/crypto/rsa';

/** Ways an injected fault spoils the signature headers. */
export type SignatureFault = 'no-signature' | 'signtest' | 'bad-signature';

const SIGNATURE_FAULTS: readonly string[] = ['no-signature', 'signtest', 'bad-signature'];

/** Narrows an injected fault kind to the ones that spoil signatures. */
export function signatureFault(kind: string | undefined): SignatureFault | undefined {
  return kind && SIGNATURE_FAULTS.includes(kind) ? (kind as SignatureFault) : undefined;
}

/** The key WeChat Pay signs with and the id merchants know it by (`PUB_KEY_ID_…`). */
export interface WechatpaySigningKey {
  publicKeyId: string;
  privateKey: KeyObject;
}

/** A fresh Request-ID, upper-case hex like WeChat Pay's. */
export function requestId(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

/**
 * The `Wechatpay-*` headers for `body` at `nowMs`. A fault drops them, replaces the signature
 * with a `WECHATPAY/SIGNTEST/` probe, or signs a different message.
 */
export function wechatpayHeaders(
  key: WechatpaySigningKey,
  body: string,
  nowMs: number,
  fault?: SignatureFault,
): Record<string, string> {
  if (fault === 'no-signature') return {};
  const timestamp = String(Math.floor(nowMs / 1000));
  const nonce = randomString(32);
  const signed = fault === 'bad-signature' ? `${body} ` : body;
  const genuine = signSha256Rsa(`${timestamp}\n${nonce}\n${signed}\n`, key.privateKey);
  const signature = fault === 'signtest' ? `${SIGNTEST_PREFIX}${genuine.slice(0, 64)}` : genuine;
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': signature,
    'Wechatpay-Serial': key.publicKeyId,
  };
}
