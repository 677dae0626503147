import { rsaKeyPair } from './keys';

/** A complete, valid configuration with fake ids and fresh keys; the base URL goes nowhere. */
const pem = (key: { export(o: object): string | Buffer }, type: string) =>
  key.export({ type, format: 'pem' }).toString();
const merchant = rsaKeyPair();
const wechatpay = rsaKeyPair();

export function validEnv(): Record<string, string> {
  return {
    WECHATPAY_MCHID: '1900000000',
    WECHATPAY_SERIAL_NO: '5E5E0011',
    WECHATPAY_PRIVATE_KEY: pem(merchant.privateKey, 'pkcs8').replace(/\n/g, '\\n'),
    WECHATPAY_APIV2_KEY: 'FAKEapiV2key0123456789abcdefABCD',
    WECHATPAY_APIV3_KEY: 'FAKEapiV3keyZYXWVUTSRQPONMLKJIHG',
    WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0000000000000000000000000000',
    WECHATPAY_PUBLIC_KEY: pem(wechatpay.publicKey, 'spki'),
    WECHATPAY_BASE_URL: 'http://127.0.0.1:9/',
    WECHATPAY_APPID: 'wx0000000000000000',
    PAYSCORE_SERVICE_ID: '00000000000000000000000000000000',
    PAYSCORE_NOTIFY_URL: 'https://example.invalid/payscore/notify',
  };
}
