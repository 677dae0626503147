/** Identifiers WeChat Pay mints: order ids, transaction ids, query_ids and packages. */
import { randomBytes, randomInt } from 'node:crypto';
import { randomString } from '../../payscore/crypto/nonce';

/** `n` random decimal digits. */
export function randomDigits(n: number): string {
  let out = '';
  while (out.length < n) out += String(randomInt(10));
  return out;
}

/** 微信支付服务订单号. */
export function newOrderId(): string {
  return `1000${randomDigits(24)}`;
}

/** 微信支付订单号 of a collected payment, the key for refunds. */
export function newTransactionId(): string {
  return `4200${randomDigits(24)}`;
}

/** Handed to the mini program when the user taps the return button of the confirm page. */
export function newQueryId(): string {
  return randomString(64);
}

/** Opaque and about 250 characters like the real one; nothing can be read out of it. */
export function newPackage(): string {
  return `AAQT${randomBytes(186).toString('base64url')}`;
}
