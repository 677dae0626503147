import { type HeaderLookup, verifyWechatpaySignature } from './auth/signature-verifier';
import type { WechatpayKeys } from './auth/wechatpay-keys';
import { decryptAes256Gcm, type EncryptedResource } from './crypto/aes-gcm';
import { NotificationError } from './errors';
import type { ServiceOrder } from './types';

/** A verified, decrypted Pay Score notification. */
export interface PayScoreNotification {
  id: string;
  create_time?: string;
  /** `PAYSCORE.USER_CONFIRM` or `PAYSCORE.USER_PAID`; other values are passed through. */
  event_type: string;
  summary?: string;
  order: ServiceOrder;
}

/**
 * Verifies a notification over its raw body (never a re-serialised one), then decrypts its
 * resource with the APIv3 key. Throws SignatureError or NotificationError; callers answer
 * those with a non-2xx status so that WeChat Pay delivers again.
 */
export function parseNotification(
  header: HeaderLookup,
  rawBody: string,
  keys: WechatpayKeys,
  apiV3Key: string,
  nowSeconds: number,
): PayScoreNotification {
  verifyWechatpaySignature(header, rawBody, keys, nowSeconds);

  const envelope = parseObject(rawBody, 'notification body');
  const resource = envelope.resource as EncryptedResource | undefined;
  if (typeof envelope.id !== 'string' || typeof envelope.event_type !== 'string') {
    throw new NotificationError('notification lacks id or event_type');
  }
  if (!resource || typeof resource.ciphertext !== 'string' || typeof resource.nonce !== 'string') {
    throw new NotificationError('notification lacks resource.ciphertext or resource.nonce');
  }
  if (resource.algorithm !== 'AEAD_AES_256_GCM') {
    throw new NotificationError(`unsupported resource.algorithm ${String(resource.algorithm)}`);
  }

  const order = parseObject(decrypt(resource, apiV3Key), 'decrypted resource') as ServiceOrder;
  if (typeof order.out_order_no !== 'string' || typeof order.state !== 'string') {
    throw new NotificationError('decrypted resource lacks out_order_no or state');
  }
  return {
    id: envelope.id,
    create_time: typeof envelope.create_time === 'string' ? envelope.create_time : undefined,
    event_type: envelope.event_type,
    summary: typeof envelope.summary === 'string' ? envelope.summary : undefined,
    order,
  };
}

function decrypt(resource: EncryptedResource, apiV3Key: string): string {
  try {
    const aad = resource.associated_data ?? '';
    return decryptAes256Gcm(apiV3Key, resource.nonce, aad, resource.ciphertext);
  } catch {
    throw new NotificationError(
      'decryption failed: check that the APIv3 key (not the APIv2 key) is configured',
    );
  }
}

function parseObject(text: string, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // reported below
  }
  throw new NotificationError(`${what} is not a JSON object`);
}
