import { strict as assert } from 'node:assert';
import vectors from '../fixtures/payscore-vectors.json';
import {
  buildConfirmExtraData,
  extraDataProblems,
  hmacSignMessage,
  signHmacSha256,
} from '../../src/payscore';

const { apiV2Key, cases, wrongOnPurpose } = vectors.extraDataSign;

describe('payscore/extra-data', () => {
  for (const vector of cases) {
    it(`reproduces the shared vector "${vector.name}"`, () => {
      assert.equal(signHmacSha256(vector.extraData, apiV2Key), vector.sign);
    });
  }

  it('does not reproduce the wrong-on-purpose vectors', () => {
    const base = cases[0].extraData;
    const [v3Key, millis] = wrongOnPurpose;
    assert.notEqual(signHmacSha256(base, apiV2Key), v3Key.sign);
    assert.equal(signHmacSha256(base, v3Key.apiV3Key!), v3Key.sign);
    assert.notEqual(
      signHmacSha256({ ...base, timestamp: millis.timestamp! }, apiV2Key),
      cases[0].sign,
    );
  });

  it('F4: signs the fake field-report vector with the APIv2 key only', () => {
    const fields = {
      mch_id: '1900000000',
      package: 'FAKE_PACKAGE_abc123',
      timestamp: '1700000000',
      nonce_str: 'FakeNonce12345678',
      sign_type: 'HMAC-SHA256',
    };
    const v2 = 'FAKEapiV2key0123456789abcdefABCD';
    assert.equal(
      hmacSignMessage(fields, v2),
      'mch_id=1900000000&nonce_str=FakeNonce12345678&package=FAKE_PACKAGE_abc123' +
        '&sign_type=HMAC-SHA256&timestamp=1700000000&key=' +
        v2,
    );
    assert.equal(
      signHmacSha256(fields, v2),
      '69CC0CA59821FB21AEDDD7C1D234515ABA0B771C6AAA3DBB405534704A4D58DB',
    );
    const withV3 = signHmacSha256(fields, 'FAKEapiV3keyZYXWVUTSRQPONMLKJIHG');
    assert.match(withV3, /^38F730D9[0-9A-F]{52}7E48$/);
  });

  it('builds a complete extraData: strings only, seconds, upper-case 64-hex sign', () => {
    const data = buildConfirmExtraData('1230000109', 'XXXXXXXX', apiV2Key, {
      timestampSeconds: 1530097563,
      nonce: 'zyx53Nkey8o4bHpxTQvd8m7e92nG5mG2',
    });
    assert.deepEqual(data, { ...cases[0].extraData, sign: cases[0].sign });
    assert.deepEqual(extraDataProblems(data), []);
  });

  it('uses a fresh 32-character nonce and a 10-digit timestamp by default', () => {
    const a = buildConfirmExtraData('1230000109', 'P', apiV2Key);
    const b = buildConfirmExtraData('1230000109', 'P', apiV2Key);
    assert.match(a.nonce_str, /^[0-9A-Za-z]{32}$/);
    assert.notEqual(a.nonce_str, b.nonce_str);
    assert.match(a.timestamp, /^\d{10}$/);
  });

  it('refuses to sign without a package', () => {
    assert.throws(() => buildConfirmExtraData('1230000109', '', apiV2Key), /package: is empty/);
  });

  it('F5: flags a numeric mch_id and a 32-hex MD5 sign under HMAC-SHA256', () => {
    const problems = extraDataProblems({
      mch_id: 1900000000,
      package: 'FAKE',
      timestamp: '1700000000',
      nonce_str: 'abc',
      sign_type: 'HMAC-SHA256',
      sign: '9A0A8659F005D6984697E2CA0A9CF3B7',
    });
    assert.deepEqual(problems, [
      'mch_id must be a string',
      'sign_type HMAC-SHA256 needs a 64-hex sign; got 32',
    ]);
  });

  it('flags a lower-case sign, a millisecond timestamp and a numeric timestamp', () => {
    const good = buildConfirmExtraData('1230000109', 'P', apiV2Key);
    assert.deepEqual(extraDataProblems({ ...good, sign: good.sign.toLowerCase() }), [
      'sign must be upper-case hex',
    ]);
    assert.deepEqual(extraDataProblems({ ...good, timestamp: '1530097563000' }), [
      'timestamp must be 10 digits of seconds',
    ]);
    assert.deepEqual(extraDataProblems({ ...good, timestamp: 1530097563 }), [
      'timestamp must be a string',
    ]);
  });
});
