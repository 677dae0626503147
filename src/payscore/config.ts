import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PUBLIC_KEY_ID_PREFIX } from './constants';
import { loadPrivateKey } from './crypto/rsa';
import { ConfigError } from './errors';
import type { MerchantCredentials } from './auth/request-signer';
import { loadWechatpayKeys, type WechatpayKeys } from './auth/wechatpay-keys';

/** Everything the payment core needs to talk to WeChat Pay for one merchant and service. */
export interface PayScoreConfig {
  merchant: MerchantCredentials;
  appid: string;
  serviceId: string;
  notifyUrl: string;
  baseUrl: string;
  apiV2Key: string;
  apiV3Key: string;
  wechatpayKeys: WechatpayKeys;
}

/** The environment variables read by {@link loadConfig}, with what each one holds. */
export const CONFIG_VARIABLES = {
  WECHATPAY_MCHID: 'merchant id (商户号), digits',
  WECHATPAY_APPID: 'AppID of the mini program bound to the mchid and the service_id',
  WECHATPAY_SERIAL_NO: 'serial number of the merchant API certificate',
  WECHATPAY_PRIVATE_KEY: 'apiclient_key.pem content (real newlines or \\n escapes)',
  WECHATPAY_PRIVATE_KEY_FILE: 'path of apiclient_key.pem, instead of WECHATPAY_PRIVATE_KEY',
  WECHATPAY_APIV2_KEY: 'APIv2 key, 32 characters: signs the extraData of the confirm page',
  WECHATPAY_APIV3_KEY: 'APIv3 key, 32 characters: decrypts notifications',
  WECHATPAY_PUBLIC_KEY_ID: 'WeChat Pay public key id, PUB_KEY_ID_…',
  WECHATPAY_PUBLIC_KEY: 'WeChat Pay public key PEM',
  WECHATPAY_PLATFORM_CERTS: 'platform certificate PEM bundle, for merchants not yet migrated',
  PAYSCORE_SERVICE_ID: 'Pay Score service id (服务ID)',
  PAYSCORE_NOTIFY_URL: 'HTTPS URL of the notify function (CloudBase HTTP access)',
  WECHATPAY_BASE_URL: 'API base URL; default https://api.mch.weixin.qq.com',
} as const;

/** Where requests go when WECHATPAY_BASE_URL is not set. */
export const DEFAULT_BASE_URL = 'https://api.mch.weixin.qq.com';

type VariableName = keyof typeof CONFIG_VARIABLES;
const OPTIONAL: VariableName[] = [
  'WECHATPAY_PRIVATE_KEY',
  'WECHATPAY_PRIVATE_KEY_FILE',
  'WECHATPAY_PUBLIC_KEY_ID',
  'WECHATPAY_PUBLIC_KEY',
  'WECHATPAY_PLATFORM_CERTS',
  'WECHATPAY_BASE_URL',
];

/**
 * Reads and checks the configuration once. Throws one {@link ConfigError} listing every problem
 * and every variable involved; messages never contain a variable's value. Keys are checked for
 * what they must be (length, PEM, RSA), so a swapped or truncated key fails here, at start-up.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): PayScoreConfig {
  const problems: string[] = [];
  const bad = new Set<VariableName>();
  const report = (name: VariableName, problem: string) => {
    bad.add(name);
    problems.push(`${name} ${problem}`);
  };
  const read = (name: VariableName) => {
    const value = env[name]?.trim() ?? '';
    if (!value && !OPTIONAL.includes(name)) report(name, 'is not set');
    return value;
  };

  const mchid = read('WECHATPAY_MCHID');
  if (mchid && !/^\d{6,32}$/.test(mchid)) report('WECHATPAY_MCHID', 'must be digits');
  const serialNo = read('WECHATPAY_SERIAL_NO');
  if (serialNo && !/^[0-9A-Fa-f]{8,64}$/.test(serialNo)) {
    report('WECHATPAY_SERIAL_NO', 'must be the certificate serial in hex');
  }
  const privateKey = readPrivateKey(read, report);
  const apiV2Key = checkKey('WECHATPAY_APIV2_KEY', read('WECHATPAY_APIV2_KEY'), report);
  const apiV3Key = checkKey('WECHATPAY_APIV3_KEY', read('WECHATPAY_APIV3_KEY'), report);
  if (apiV2Key && apiV2Key === apiV3Key) {
    report('WECHATPAY_APIV2_KEY', 'equals WECHATPAY_APIV3_KEY: they are two different keys');
  }
  const wechatpayKeys = readWechatpayKeys(read, report);
  const baseUrl = checkUrl(
    'WECHATPAY_BASE_URL',
    read('WECHATPAY_BASE_URL') || DEFAULT_BASE_URL,
    report,
  );
  const notifyUrl = checkUrl('PAYSCORE_NOTIFY_URL', read('PAYSCORE_NOTIFY_URL'), report);
  const appid = read('WECHATPAY_APPID');
  if (appid && !/^wx[0-9a-zA-Z]{14,30}$/.test(appid)) report('WECHATPAY_APPID', 'must be wx…');
  const serviceId = read('PAYSCORE_SERVICE_ID');
  if (serviceId.length > 32) report('PAYSCORE_SERVICE_ID', 'must be at most 32 characters');

  if (problems.length > 0 || !privateKey) throw new ConfigError([...bad], problems);
  return {
    merchant: { mchid, serialNo, privateKey },
    appid,
    serviceId,
    notifyUrl,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    apiV2Key,
    apiV3Key,
    wechatpayKeys,
  };
}

type Report = (name: VariableName, problem: string) => void;

type Read = (name: VariableName) => string;

/** The merchant key from WECHATPAY_PRIVATE_KEY or WECHATPAY_PRIVATE_KEY_FILE (exactly one). */
function readPrivateKey(read: Read, report: Report): KeyObject | undefined {
  const pem = read('WECHATPAY_PRIVATE_KEY');
  const file = read('WECHATPAY_PRIVATE_KEY_FILE');
  if (pem && file) {
    report('WECHATPAY_PRIVATE_KEY', 'and WECHATPAY_PRIVATE_KEY_FILE are both set: keep one');
    return undefined;
  }
  if (!pem && !file) {
    report('WECHATPAY_PRIVATE_KEY', 'or WECHATPAY_PRIVATE_KEY_FILE must be set');
    return undefined;
  }
  const name = pem ? 'WECHATPAY_PRIVATE_KEY' : 'WECHATPAY_PRIVATE_KEY_FILE';
  let text = pem;
  if (file) {
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      report(name, 'names a file that cannot be read');
      return undefined;
    }
  }
  try {
    const key = loadPrivateKey(text);
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (key.asymmetricKeyType === 'rsa' && bits >= 2048) return key;
    report(name, 'must be an RSA private key of 2048 bits or more (apiclient_key.pem)');
  } catch {
    report(name, 'is not a readable PEM private key');
  }
  return undefined;
}

function checkKey(name: VariableName, value: string, report: Report): string {
  if (value && Buffer.byteLength(value, 'utf8') !== 32) report(name, 'must be 32 characters');
  return value;
}

function readWechatpayKeys(read: Read, report: Report): WechatpayKeys {
  const publicKeyId = read('WECHATPAY_PUBLIC_KEY_ID');
  const publicKeyPem = read('WECHATPAY_PUBLIC_KEY');
  const platformCertificatesPem = read('WECHATPAY_PLATFORM_CERTS');
  if (publicKeyId && !new RegExp(`^${PUBLIC_KEY_ID_PREFIX}\\d+$`).test(publicKeyId)) {
    report('WECHATPAY_PUBLIC_KEY_ID', `must be ${PUBLIC_KEY_ID_PREFIX} followed by digits`);
  }
  if (publicKeyPem && !/-----BEGIN (RSA )?PUBLIC KEY-----/.test(publicKeyPem)) {
    report('WECHATPAY_PUBLIC_KEY', 'must be a PEM public key (BEGIN PUBLIC KEY)');
  }
  if (Boolean(publicKeyId) !== Boolean(publicKeyPem)) {
    report('WECHATPAY_PUBLIC_KEY', 'and WECHATPAY_PUBLIC_KEY_ID must be set together');
  }
  if (!publicKeyPem && !platformCertificatesPem) {
    report('WECHATPAY_PUBLIC_KEY', 'or WECHATPAY_PLATFORM_CERTS must be set');
  }
  try {
    const keys = loadWechatpayKeys({ publicKeyId, publicKeyPem, platformCertificatesPem });
    if (platformCertificatesPem && keys.platformCertificates.size === 0) {
      report('WECHATPAY_PLATFORM_CERTS', 'holds no PEM certificate');
    }
    const publicKey = keys.publicKey?.key;
    const bits = publicKey?.asymmetricKeyDetails?.modulusLength ?? 0;
    if (publicKey && (publicKey.asymmetricKeyType !== 'rsa' || bits < 2048)) {
      report('WECHATPAY_PUBLIC_KEY', 'must be an RSA public key of 2048 bits or more');
    }
    return keys;
  } catch {
    report('WECHATPAY_PUBLIC_KEY', 'or WECHATPAY_PLATFORM_CERTS is not readable PEM');
    return { platformCertificates: new Map() };
  }
}

/** https only, except plain http to a loopback host (the local sandbox). */
function checkUrl(name: VariableName, value: string, report: Report): string {
  if (!value) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    report(name, 'is not a URL');
    return value;
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    report(name, 'must use https');
  }
  if (url.search || value.includes('?')) report(name, 'must not have a query string');
  if (url.hash || value.includes('#')) report(name, 'must not have a #fragment');
  if (url.username || url.password) report(name, 'must not carry a user name or password');
  if (name === 'WECHATPAY_BASE_URL' && url.pathname !== '/') {
    report(name, 'must be the host only, without a path (the API paths start with /v3)');
  }
  if (value.length > 255) report(name, 'must be at most 255 characters');
  return value;
}
