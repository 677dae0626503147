import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** A fresh RSA 2048 key pair, as WeChat Pay and merchants use. */
export function rsaKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

/** The self-made platform certificate of test/fixtures (see its README). */
export const platformFixture = {
  serial: '5E5E00112233445566778899AABBCCDDEEFF0011',
  certificatePem: readFileSync(path.join(__dirname, '..', 'fixtures', 'platform-cert.pem'), 'utf8'),
  privateKeyPem: readFileSync(path.join(__dirname, '..', 'fixtures', 'platform-key.pem'), 'utf8'),
};
