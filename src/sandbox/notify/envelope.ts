/**
 * The body of a Pay Score notification: an envelope whose `resource` is the order JSON
 * encrypted with AEAD_AES_256_GCM under the merchant's APIv3 key.
 */
import { randomUUID } from 'node:crypto';
import { EVENT_USER_CONFIRM } from '../../payscore/constants';
import { encryptAes256Gcm } from '../../payscore/crypto/aes-gcm';
import { randomString } from '../../payscore/crypto/nonce';
import { rfc3339Beijing } from '../clock';
import type { OrderEntity } from '../orders/model';
import type { OrderEvent } from '../orders/transitions';

const ASSOCIATED_DATA = 'payscore';

/** Builds the notification for `event` about `order`; returns its id and exact JSON text. */
export function buildNotification(
  event: OrderEvent,
  order: OrderEntity,
  apiV3Key: string,
  nowMs: number,
): { id: string; body: string } {
  const nonce = randomString(12);
  const id = randomUUID();
  const envelope = {
    id,
    create_time: rfc3339Beijing(nowMs),
    resource_type: 'encrypt-resource',
    event_type: event,
    summary: event === EVENT_USER_CONFIRM ? '确认订单' : '支付成功',
    resource: {
      original_type: 'payscore',
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: encryptAes256Gcm(apiV3Key, nonce, ASSOCIATED_DATA, JSON.stringify(order)),
      associated_data: ASSOCIATED_DATA,
      nonce,
    },
  };
  return { id, body: JSON.stringify(envelope) };
}
