/**
 * Checks an APIv3 request's `Authorization` header the way WeChat Pay does. Written apart from
 * the payment core's signer on purpose: a bug in the core's header must not be mirrored here.
 */
import type { KeyObject } from 'node:crypto';
import { verifySha256Rsa } from '../../payscore/crypto/rsa';
import { signError } from './api-error';

const SCHEME = 'WECHATPAY2-SHA256-RSA2048';
const ITEMS = ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'] as const;
const MAX_SKEW_SECONDS = 300;
const TRUNCATED_BODY_CHARS = 32;

/** The five items of the header, whatever order they came in. */
export type AuthorizationItems = Record<(typeof ITEMS)[number], string>;

/** Who may call: the merchant's id, certificate serial and public key. */
export interface RequestSigner {
  mchid: string;
  serialNo: string;
  publicKey: KeyObject;
}

/** The request as received: method, path with query exactly as sent, raw body text. */
export interface ReceivedRequest {
  method: string;
  target: string;
  body: string;
}

const FORMAT_MESSAGE = 'Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》';

/** Splits `WECHATPAY2-SHA256-RSA2048 k="v",…`; throws 401 SIGN_ERROR when malformed. */
export function parseAuthorization(header: string | undefined): AuthorizationItems {
  if (!header) {
    throw signError('Http头缺少Authorization', { location: 'header', issue: 'missing' });
  }
  if (!header.startsWith(`${SCHEME} `)) {
    throw signError(FORMAT_MESSAGE, { location: 'header', issue: `scheme must be ${SCHEME}` });
  }
  const found = new Map<string, string>();
  const pattern = /\s*([a-z_]+)="([^"]*)"\s*(?:,|$)/y;
  const rest = header.slice(SCHEME.length + 1);
  while (pattern.lastIndex < rest.length) {
    const match = pattern.exec(rest);
    if (!match || found.has(match[1])) {
      throw signError(FORMAT_MESSAGE, { location: 'header', issue: 'items must be k="v",…' });
    }
    found.set(match[1], match[2]);
  }
  for (const name of ITEMS) {
    if (!found.get(name)) {
      throw signError(FORMAT_MESSAGE, { location: 'header', issue: `${name} is missing` });
    }
  }
  return Object.fromEntries(ITEMS.map((name) => [name, found.get(name)])) as AuthorizationItems;
}

/** The five-line message a request signature covers, each line ending in `\n`. */
export function requestMessage(request: ReceivedRequest, items: AuthorizationItems): string {
  const { method, target, body } = request;
  return `${method}\n${target}\n${items.timestamp}\n${items.nonce_str}\n${body}\n`;
}

/** Verifies a request's signature, identity and clock; throws 401 SIGN_ERROR otherwise. */
export function verifyRequest(
  header: string | undefined,
  request: ReceivedRequest,
  signer: RequestSigner,
  nowMs: number,
): AuthorizationItems {
  const items = parseAuthorization(header);
  if (items.mchid !== signer.mchid) {
    throw signError('商户号与请求签名中的mchid不一致或商户不存在', {
      location: 'header',
      issue: `mchid ${items.mchid} is not the sandbox merchant`,
    });
  }
  if (items.serial_no.toUpperCase() !== signer.serialNo.toUpperCase()) {
    throw signError('商户证书序列号有误，请使用签名私钥匹配的证书序列号', {
      location: 'header',
      issue: `serial_no ${items.serial_no} is not the merchant certificate serial`,
    });
  }

  const seconds = /^\d{1,12}$/.test(items.timestamp) ? Number(items.timestamp) : NaN;
  if (!(Math.abs(Math.floor(nowMs / 1000) - seconds) <= MAX_SKEW_SECONDS)) {
    throw signError('Http头Authorization中的timestamp与发起请求的时间不得超过5分钟', {
      location: 'header',
      issue: `timestamp ${items.timestamp} is more than ${MAX_SKEW_SECONDS} s from now`,
    });
  }

  const message = requestMessage(request, items);
  if (!verifySha256Rsa(message, items.signature, signer.publicKey)) {
    throw signError('错误的签名，验签失败', {
      field: 'signature',
      location: 'authorization',
      issue: 'sign not match',
      sign_message_length: Buffer.byteLength(message, 'utf8'),
      truncated_sign_message: truncate(request, items),
    });
  }
  return items;
}

/** Enough of the message to see which path, timestamp and nonce the sandbox verified. */
function truncate(request: ReceivedRequest, items: AuthorizationItems): string {
  const head = `${request.method}\n${request.target}\n${items.timestamp}\n${items.nonce_str}\n`;
  const body = request.body.slice(0, TRUNCATED_BODY_CHARS);
  return `${head}${body}${request.body.length > TRUNCATED_BODY_CHARS ? '…' : '\n'}`;
}
