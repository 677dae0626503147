import { createHmac } from 'node:crypto';

/**
 * The APIv2-style HMAC-SHA256 sign: non-empty fields except `sign`, sorted by key in ASCII
 * order, joined as `k=v&…`, then `&key=<APIv2 key>`; HMAC-SHA256 keyed with the same APIv2 key,
 * upper-case hex (64 characters).
 */
export function signHmacSha256(fields: Record<string, string>, apiV2Key: string): string {
  return createHmac('sha256', apiV2Key)
    .update(hmacSignMessage(fields, apiV2Key), 'utf8')
    .digest('hex')
    .toUpperCase();
}

/** The exact string that {@link signHmacSha256} signs. */
export function hmacSignMessage(fields: Record<string, string>, apiV2Key: string): string {
  const pairs = Object.keys(fields)
    .filter((name) => name !== 'sign' && fields[name] !== '')
    .sort()
    .map((name) => `${name}=${fields[name]}`);
  return `${pairs.join('&')}&key=${apiV2Key}`;
}
