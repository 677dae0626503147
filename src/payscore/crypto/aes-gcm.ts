import { createCipheriv, createDecipheriv } from 'node:crypto';

const TAG_BYTES = 16;

/** The encrypted `resource` of a WeChat Pay notification. */
export interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  nonce: string;
  associated_data?: string;
  original_type?: string;
}

/**
 * AEAD_AES_256_GCM decryption as WeChat Pay uses it: the APIv3 key (32 UTF-8 bytes) is the key,
 * `nonce` the 12-byte IV, `associated_data` the AAD, and the last 16 bytes of the Base64
 * ciphertext the tag. Throws when the tag does not match.
 */
export function decryptAes256Gcm(
  apiV3Key: string,
  nonce: string,
  associatedData: string,
  ciphertext: string,
): string {
  const data = Buffer.from(ciphertext, 'base64');
  if (data.length < TAG_BYTES) throw new Error('ciphertext is shorter than its 16-byte tag');

  const decipher = createDecipheriv('aes-256-gcm', keyBytes(apiV3Key), Buffer.from(nonce, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const plain = Buffer.concat([decipher.update(data.subarray(0, -TAG_BYTES)), decipher.final()]);
  return plain.toString('utf8');
}

/** The inverse of {@link decryptAes256Gcm}; returns Base64 of ciphertext‖tag. */
export function encryptAes256Gcm(
  apiV3Key: string,
  nonce: string,
  associatedData: string,
  plaintext: string,
): string {
  const cipher = createCipheriv('aes-256-gcm', keyBytes(apiV3Key), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([
    cipher.update(plaintext, 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return data.toString('base64');
}

function keyBytes(apiV3Key: string): Buffer {
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new Error(`the APIv3 key must be 32 bytes, got ${key.length}`);
  return key;
}
