import { X509Certificate, type KeyObject } from 'node:crypto';
import { PUBLIC_KEY_ID_PREFIX } from '../constants';
import { loadPublicKey, unescapePem } from '../crypto/rsa';

/**
 * The keys that may sign what WeChat Pay sends: a WeChat Pay public key (id `PUB_KEY_ID_…`),
 * platform certificates by serial, or both at once while a merchant migrates between them.
 */
export interface WechatpayKeys {
  publicKey?: { id: string; key: KeyObject };
  platformCertificates: Map<string, KeyObject>;
}

/** Builds the key stores from PEM text; certificates are keyed by their own serial number. */
export function loadWechatpayKeys(options: {
  publicKeyId?: string;
  publicKeyPem?: string;
  platformCertificatesPem?: string;
}): WechatpayKeys {
  const keys: WechatpayKeys = { platformCertificates: new Map() };
  if (options.publicKeyId && options.publicKeyPem) {
    keys.publicKey = { id: options.publicKeyId, key: loadPublicKey(options.publicKeyPem) };
  }
  for (const pem of splitCertificates(options.platformCertificatesPem ?? '')) {
    const certificate = new X509Certificate(pem);
    keys.platformCertificates.set(certificate.serialNumber.toUpperCase(), certificate.publicKey);
  }
  return keys;
}

/** Finds the key for a `Wechatpay-Serial` value, or explains which stores were searched. */
export function keyForSerial(keys: WechatpayKeys, serial: string): KeyObject | string {
  if (serial.startsWith(PUBLIC_KEY_ID_PREFIX)) {
    if (keys.publicKey?.id === serial) return keys.publicKey.key;
    const configured = keys.publicKey ? `only ${keys.publicKey.id}` : 'none';
    return `searched the WeChat Pay public key (configured: ${configured})`;
  }
  const certificate = keys.platformCertificates.get(serial.toUpperCase());
  if (certificate) return certificate;
  const serials = [...keys.platformCertificates.keys()];
  return `searched the platform certificates (configured: ${serials.join(', ') || 'none'})`;
}

function splitCertificates(text: string): string[] {
  const blocks = unescapePem(text).match(
    /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g,
  );
  return blocks ?? [];
}
