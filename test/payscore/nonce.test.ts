import { strict as assert } from 'node:assert';
import { randomString } from '../../src/payscore';

describe('payscore/crypto/nonce', () => {
  it('drops bytes of 248 and above instead of folding them onto the first characters', () => {
    // 248 % 62 === 0 would be '0' under a plain modulo: here those bytes are skipped.
    const source = (n: number) =>
      Uint8Array.from({ length: n }, (_, i) => [248, 255, 1, 61][i % 4]);
    assert.equal(randomString(4, source), '1z1z');
  });

  it('maps each byte below 248 onto one of 62 characters evenly', () => {
    const counts = new Map<string, number>();
    const everyByte = (n: number) => Uint8Array.from({ length: n }, (_, i) => i % 248);
    for (const char of randomString(248, everyByte)) counts.set(char, (counts.get(char) ?? 0) + 1);
    assert.equal(counts.size, 62);
    assert.deepEqual(new Set(counts.values()), new Set([4]));
  });

  it('draws from crypto by default', () => {
    const a = randomString();
    assert.match(a, /^[0-9A-Za-z]{32}$/);
    assert.notEqual(a, randomString());
  });
});
