/**
 * The Pay Score payment core: APIv3 signing and verification, the service-order client,
 * confirm-page extraData, notifications and order status. It imports nothing from CloudBase
 * or the mini program, and only Node's own crypto and http.
 */
export * from './constants';
export * from './errors';
export * from './types';
export * from './status';
export * from './time';
export * from './config';
export * from './client';
export * from './extra-data';
export * from './notification';
export * from './validate';
export { nodeTransport, type Transport, type HttpRequest, type HttpResponse } from './http';
export { authorizationHeader, requestSignMessage } from './auth/request-signer';
export type { MerchantCredentials, SignableRequest } from './auth/request-signer';
export {
  headerLookup,
  verifyWechatpaySignature,
  wechatpaySignMessage,
  type HeaderLookup,
} from './auth/signature-verifier';
export { loadWechatpayKeys, keyForSerial, type WechatpayKeys } from './auth/wechatpay-keys';
export { randomString } from './crypto/nonce';
export { signHmacSha256, hmacSignMessage } from './crypto/hmac';
export { decryptAes256Gcm, encryptAes256Gcm, type EncryptedResource } from './crypto/aes-gcm';
export { signSha256Rsa, verifySha256Rsa, loadPrivateKey, loadPublicKey } from './crypto/rsa';
