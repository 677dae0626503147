import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** SHA256withRSA (PKCS#1 v1.5) over the UTF-8 bytes of `message`; returns Base64. */
export function signSha256Rsa(message: string, privateKey: KeyObject): string {
  return sign('sha256', Buffer.from(message, 'utf8'), privateKey).toString('base64');
}

/** Checks a Base64 SHA256withRSA signature; anything that is not valid Base64 is simply false. */
export function verifySha256Rsa(message: string, signature: string, publicKey: KeyObject): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
  return verify(
    'sha256',
    Buffer.from(message, 'utf8'),
    publicKey,
    Buffer.from(signature, 'base64'),
  );
}

/** Reads a PEM private key; `\n` written as two characters (as in env files) is accepted. */
export function loadPrivateKey(pem: string): KeyObject {
  return createPrivateKey(unescapePem(pem));
}

/** Reads a PEM public key or certificate and returns its public key. */
export function loadPublicKey(pem: string): KeyObject {
  return createPublicKey(unescapePem(pem));
}

/** Turns literal `\n` sequences into newlines, so a PEM fits on one line of an env file. */
export function unescapePem(pem: string): string {
  return pem.includes('\\n') ? pem.replace(/\\n/g, '\n') : pem;
}
