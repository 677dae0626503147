/**
 * Keeps the fake merchant between starts: `<stateDir>/merchant.env` is the merchant's side
 * (what a developer copies into their configuration), `<stateDir>/wechatpay.json` holds the
 * sandbox's WeChat Pay private key, which no merchant file may contain.
 */
import { createPrivateKey } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLIC_KEY_ID_PREFIX } from '../../payscore/constants';
import { formatEnvFile, parseEnvFile } from '../../local/env-file';
import {
  generateMerchant,
  generateWechatpay,
  toIdentity,
  type MerchantSecrets,
  type SandboxIdentity,
  type WechatpaySecrets,
} from './identity';

/** The merchant's configuration, a .env file. */
export const MERCHANT_ENV_FILE = 'merchant.env';
/** The sandbox's WeChat Pay key pair, which the merchant never sees. */
export const WECHATPAY_FILE = 'wechatpay.json';

/** The path of the sink route, recognised in a stored notify URL so the port can change. */
export const NOTIFY_SINK_PATH = '/sandbox/notify-sink';

/** Reads the identity kept in `stateDir`, creating whatever part is missing or unreadable. */
export function loadOrCreateIdentity(stateDir: string): {
  identity: SandboxIdentity;
  created: string[];
} {
  const created: string[] = [];
  let wechatpay = readWechatpay(join(stateDir, WECHATPAY_FILE));
  if (!wechatpay) {
    wechatpay = generateWechatpay();
    created.push('WeChat Pay key pair');
  }
  let merchant = readMerchant(join(stateDir, MERCHANT_ENV_FILE));
  if (!merchant) {
    merchant = generateMerchant();
    created.push('merchant');
  }
  return { identity: toIdentity(merchant, wechatpay), created };
}

/** Writes both files, readable by the owner only since they hold private keys. */
export function saveIdentity(
  stateDir: string,
  identity: SandboxIdentity,
  env: Record<string, string>,
): string {
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const secrets: WechatpaySecrets = identity.wechatpay;
  writeSecret(join(stateDir, WECHATPAY_FILE), `${JSON.stringify(secrets, null, 2)}\n`);
  const header = [
    'Fake merchant of the local Pay Score sandbox (npm run sandbox). Not a real merchant.',
    'Rewritten on every sandbox start; WECHATPAY_BASE_URL follows the port.',
  ];
  const envPath = join(stateDir, MERCHANT_ENV_FILE);
  writeSecret(envPath, formatEnvFile(env, header));
  return envPath;
}

/** A notify URL the developer set, or undefined when it is (an old port of) the sink. */
export function customNotifyUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    const sink = parsed.pathname === NOTIFY_SINK_PATH && parsed.hostname === '127.0.0.1';
    return sink ? undefined : url;
  } catch {
    return undefined;
  }
}

// `mode` applies only when a file is created, so an older file is tightened explicitly.
function writeSecret(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
}

function readWechatpay(path: string): WechatpaySecrets | undefined {
  const text = readOptional(path);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object') return undefined;
    const { publicKeyId, privateKeyPem } = value as Record<string, unknown>;
    if (typeof publicKeyId !== 'string' || typeof privateKeyPem !== 'string') return undefined;
    const valid = publicKeyId.startsWith(PUBLIC_KEY_ID_PREFIX) && readableKey(privateKeyPem);
    return valid ? { publicKeyId, privateKeyPem } : undefined;
  } catch {
    return undefined;
  }
}

function readMerchant(path: string): MerchantSecrets | undefined {
  const text = readOptional(path);
  if (text === undefined) return undefined;
  const env = parseEnvFile(text);
  const merchant: MerchantSecrets = {
    mchid: env.WECHATPAY_MCHID ?? '',
    serialNo: env.WECHATPAY_SERIAL_NO ?? '',
    privateKeyPem: (env.WECHATPAY_PRIVATE_KEY ?? '').replace(/\\n/g, '\n'),
    apiV2Key: env.WECHATPAY_APIV2_KEY ?? '',
    apiV3Key: env.WECHATPAY_APIV3_KEY ?? '',
    appid: env.WECHATPAY_APPID ?? '',
    serviceId: env.PAYSCORE_SERVICE_ID ?? '',
    notifyUrl: customNotifyUrl(env.PAYSCORE_NOTIFY_URL),
  };
  const valid =
    /^\d{6,32}$/.test(merchant.mchid) &&
    /^[0-9A-Fa-f]{8,64}$/.test(merchant.serialNo) &&
    merchant.apiV2Key.length === 32 &&
    merchant.apiV3Key.length === 32 &&
    merchant.apiV2Key !== merchant.apiV3Key &&
    /^wx[0-9a-zA-Z]{14,30}$/.test(merchant.appid) &&
    /^\d{1,32}$/.test(merchant.serviceId) &&
    readableKey(merchant.privateKeyPem);
  return valid ? merchant : undefined;
}

function readableKey(pem: string): boolean {
  try {
    createPrivateKey(pem);
    return true;
  } catch {
    return false;
  }
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
