import type { KeyObject } from 'node:crypto';
import { SIGNATURE_SCHEME } from '../constants';
import { randomString } from '../crypto/nonce';
import { signSha256Rsa } from '../crypto/rsa';

/** The merchant's signing identity: its mchid and the API certificate's key and serial. */
export interface MerchantCredentials {
  mchid: string;
  serialNo: string;
  privateKey: KeyObject;
}

/** What one request signature covers. `pathWithQuery` is exactly as sent on the wire. */
export interface SignableRequest {
  method: string;
  pathWithQuery: string;
  body: string;
  timestamp?: number;
  nonce?: string;
}

/** The five-line APIv3 request message, each line ending in `\n`. */
export function requestSignMessage(
  method: string,
  pathWithQuery: string,
  timestamp: number | string,
  nonce: string,
  body: string,
): string {
  return `${method}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`;
}

/** Builds the `Authorization` header value for one request. */
export function authorizationHeader(
  merchant: MerchantCredentials,
  request: SignableRequest,
): string {
  const timestamp = request.timestamp ?? Math.floor(Date.now() / 1000);
  const nonce = request.nonce ?? randomString(32);
  const message = requestSignMessage(
    request.method,
    request.pathWithQuery,
    timestamp,
    nonce,
    request.body,
  );
  const signature = signSha256Rsa(message, merchant.privateKey);
  return (
    `${SIGNATURE_SCHEME} mchid="${merchant.mchid}",nonce_str="${nonce}",` +
    `signature="${signature}",timestamp="${timestamp}",serial_no="${merchant.serialNo}"`
  );
}
