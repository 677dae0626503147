import { strict as assert } from 'node:assert';
import { createPrivateKey } from 'node:crypto';
import {
  SignatureError,
  headerLookup,
  loadWechatpayKeys,
  signSha256Rsa,
  verifyWechatpaySignature,
  wechatpaySignMessage,
  type WechatpayKeys,
} from '../../src/payscore';
import { platformFixture, rsaKeyPair } from '../support/keys';

const NOW = 1_700_000_000;
const PUB_ID = 'PUB_KEY_ID_0000000000000000000000000000';
const wechatpay = rsaKeyPair();
const platformKey = createPrivateKey(platformFixture.privateKeyPem);
const publicKeyPem = wechatpay.publicKey.export({ type: 'spki', format: 'pem' }).toString();

function signed(body: string, serial: string, timestamp = NOW, key = wechatpay.privateKey) {
  const nonce = 'nonce123';
  return {
    'Wechatpay-Timestamp': String(timestamp),
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': signSha256Rsa(wechatpaySignMessage(String(timestamp), nonce, body), key),
    'Wechatpay-Serial': serial,
    'Request-ID': 'REQ-1',
  };
}

function check(headers: Record<string, string>, body: string, keys: WechatpayKeys, now = NOW) {
  verifyWechatpaySignature(headerLookup(headers), body, keys, now);
}

function problemOf(action: () => void): string {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof SignatureError, String(error));
    return error.problem;
  }
  return 'accepted';
}

describe('payscore/auth/signature-verifier', () => {
  const publicOnly = loadWechatpayKeys({ publicKeyId: PUB_ID, publicKeyPem });
  const certOnly = loadWechatpayKeys({ platformCertificatesPem: platformFixture.certificatePem });
  const both = loadWechatpayKeys({
    publicKeyId: PUB_ID,
    publicKeyPem,
    platformCertificatesPem: platformFixture.certificatePem,
  });
  const body = '{"out_order_no":"FAKE-ORDER-0001","state":"CREATED"}';

  it('accepts a genuine public-key signature, with headers in any case', () => {
    const lower = Object.fromEntries(
      Object.entries(signed(body, PUB_ID)).map(([k, v]) => [k.toLowerCase(), v]),
    );
    check(lower, body, publicOnly);
  });

  it('accepts a platform-certificate signature, picked by the certificate serial', () => {
    check(signed(body, platformFixture.serial, NOW, platformKey), body, certOnly);
  });

  it('F16: during migration picks the verifier by Wechatpay-Serial', () => {
    check(signed(body, PUB_ID), body, both);
    check(signed(body, platformFixture.serial, NOW, platformKey), body, both);
  });

  it('F16: names the serial and the stores searched for an unknown serial', () => {
    const error = (() => {
      try {
        check(signed(body, PUB_ID), body, certOnly);
      } catch (e) {
        return e as SignatureError;
      }
      throw new Error('accepted');
    })();
    assert.equal(error.problem, 'unknown-serial');
    assert.match(error.message, /no key for Wechatpay-Serial PUB_KEY_ID_0+/);
    assert.match(error.message, /searched the WeChat Pay public key \(configured: none\)/);
    assert.match(error.message, /Request-ID REQ-1/);
    const otherCert = problemOf(() => check(signed(body, 'FFFF'), body, publicOnly));
    assert.equal(otherCert, 'unknown-serial');
  });

  it('rejects timestamps more than 300 s away, either way', () => {
    check(signed(body, PUB_ID, NOW - 300), body, publicOnly);
    check(signed(body, PUB_ID, NOW + 300), body, publicOnly);
    assert.equal(
      problemOf(() => check(signed(body, PUB_ID, NOW - 301), body, publicOnly)),
      'stale-timestamp',
    );
    assert.equal(
      problemOf(() => check(signed(body, PUB_ID, NOW + 301), body, publicOnly)),
      'stale-timestamp',
    );
    const millis = { ...signed(body, PUB_ID), 'Wechatpay-Timestamp': `${NOW}000` };
    assert.equal(
      problemOf(() => check(millis, body, publicOnly)),
      'stale-timestamp',
    );
  });

  it('rejects a WECHATPAY/SIGNTEST/ probe', () => {
    const probe = { ...signed(body, PUB_ID), 'Wechatpay-Signature': 'WECHATPAY/SIGNTEST/abc' };
    assert.equal(
      problemOf(() => check(probe, body, publicOnly)),
      'signtest-probe',
    );
  });

  it('rejects a re-serialised body, another key and garbage signatures', () => {
    const headers = signed(body, PUB_ID);
    const reserialised = JSON.stringify(JSON.parse(body), null, 1);
    assert.equal(
      problemOf(() => check(headers, reserialised, publicOnly)),
      'bad-signature',
    );
    const forged = signed(body, PUB_ID, NOW, rsaKeyPair().privateKey);
    assert.equal(
      problemOf(() => check(forged, body, publicOnly)),
      'bad-signature',
    );
    const garbage = { ...headers, 'Wechatpay-Signature': '!!not base64!!' };
    assert.equal(
      problemOf(() => check(garbage, body, publicOnly)),
      'bad-signature',
    );
  });

  it('rejects a reply without the signature headers, naming them', () => {
    const { 'Wechatpay-Signature': _s, 'Wechatpay-Serial': _r, ...rest } = signed(body, PUB_ID);
    void _s;
    void _r;
    assert.throws(
      () => check(rest, body, publicOnly),
      /signature headers missing: Wechatpay-Signature, Wechatpay-Serial/,
    );
  });
});
