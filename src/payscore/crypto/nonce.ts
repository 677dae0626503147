import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// 248 is the largest multiple of 62 below 256: bytes at or above it are dropped, so every
// character is equally likely (a plain `byte % 62` favours the first eight characters).
const UNBIASED_LIMIT = 248;

/**
 * Returns `length` random characters of [0-9A-Za-z], drawn from `crypto` without modulo bias.
 * `bytes` is the randomness source; tests pass a fixed one.
 */
export function randomString(length = 32, bytes: (n: number) => Uint8Array = randomBytes): string {
  let out = '';
  while (out.length < length) {
    for (const byte of bytes(length * 2)) {
      if (byte < UNBIASED_LIMIT) out += ALPHABET[byte % ALPHABET.length];
      if (out.length === length) break;
    }
  }
  return out;
}
