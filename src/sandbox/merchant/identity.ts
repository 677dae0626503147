/**
 * The fake merchant the sandbox serves and the sandbox's own WeChat Pay key pair: created once,
 * then kept in the state directory so a developer's configuration survives restarts.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  randomInt,
  type KeyObject,
} from 'node:crypto';
import { PUBLIC_KEY_ID_PREFIX } from '../../payscore/constants';
import { randomString } from '../../payscore/crypto/nonce';
import type { WechatpaySigningKey } from '../wire/wechatpay-signer';

/** What a merchant holds, as the sandbox stores it (PEMs with real newlines). */
export interface MerchantSecrets {
  mchid: string;
  serialNo: string;
  privateKeyPem: string;
  apiV2Key: string;
  apiV3Key: string;
  appid: string;
  serviceId: string;
  /** Kept only when the developer pointed notifications somewhere other than the sink. */
  notifyUrl?: string;
}

/** What only WeChat Pay holds: the private half of the key merchants verify with. */
export interface WechatpaySecrets {
  publicKeyId: string;
  privateKeyPem: string;
}

/** The secrets plus the key objects the server works with. */
export interface SandboxIdentity {
  merchant: MerchantSecrets;
  wechatpay: WechatpaySecrets;
  merchantPublicKey: KeyObject;
  wechatpayKey: WechatpaySigningKey;
  wechatpayPublicKeyPem: string;
}

/** A new fake merchant: digits mchid, `wx` appid, 32-digit service_id, RSA 2048 key. */
export function generateMerchant(): MerchantSecrets {
  const apiV2Key = randomString(32);
  let apiV3Key = randomString(32);
  while (apiV3Key === apiV2Key) apiV3Key = randomString(32);
  return {
    mchid: `1${randomDigits(9)}`,
    serialNo: randomBytes(20).toString('hex').toUpperCase(),
    privateKeyPem: newPrivateKeyPem(),
    apiV2Key,
    apiV3Key,
    appid: `wx${randomBytes(8).toString('hex')}`,
    serviceId: randomDigits(32),
  };
}

/** A new WeChat Pay key pair with a `PUB_KEY_ID_…` id. */
export function generateWechatpay(): WechatpaySecrets {
  return {
    publicKeyId: `${PUBLIC_KEY_ID_PREFIX}${randomDigits(34)}`,
    privateKeyPem: newPrivateKeyPem(),
  };
}

/** Loads the key objects; throws when a PEM is unreadable. */
export function toIdentity(
  merchant: MerchantSecrets,
  wechatpay: WechatpaySecrets,
): SandboxIdentity {
  const wechatpayPrivate = createPrivateKey(wechatpay.privateKeyPem);
  return {
    merchant,
    wechatpay,
    merchantPublicKey: createPublicKey(createPrivateKey(merchant.privateKeyPem)),
    wechatpayKey: { publicKeyId: wechatpay.publicKeyId, privateKey: wechatpayPrivate },
    wechatpayPublicKeyPem: createPublicKey(wechatpayPrivate)
      .export({ type: 'spki', format: 'pem' })
      .toString(),
  };
}

/**
 * The merchant's configuration as the payment core reads it (`loadConfig`). PEMs are on one
 * line with `\n` escapes so the file stays a plain .env file.
 */
export function merchantEnv(
  identity: SandboxIdentity,
  baseUrl: string,
  notifyUrl: string,
): Record<string, string> {
  const { merchant } = identity;
  return {
    WECHATPAY_MCHID: merchant.mchid,
    WECHATPAY_SERIAL_NO: merchant.serialNo,
    WECHATPAY_PRIVATE_KEY: oneLine(merchant.privateKeyPem),
    WECHATPAY_APIV2_KEY: merchant.apiV2Key,
    WECHATPAY_APIV3_KEY: merchant.apiV3Key,
    WECHATPAY_PUBLIC_KEY_ID: identity.wechatpay.publicKeyId,
    WECHATPAY_PUBLIC_KEY: oneLine(identity.wechatpayPublicKeyPem),
    WECHATPAY_BASE_URL: baseUrl,
    WECHATPAY_APPID: merchant.appid,
    PAYSCORE_SERVICE_ID: merchant.serviceId,
    PAYSCORE_NOTIFY_URL: notifyUrl,
  };
}

function oneLine(pem: string): string {
  return pem.trim().replace(/\r?\n/g, '\\n');
}

function newPrivateKeyPem(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

function randomDigits(length: number): string {
  let out = '';
  while (out.length < length) out += String(randomInt(10));
  return out;
}
