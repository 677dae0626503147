import { strict as assert } from 'node:assert';
import vectors from '../fixtures/payscore-vectors.json';
import { decryptAes256Gcm, encryptAes256Gcm } from '../../src/payscore';

const F18 = {
  key: 'FAKEapiV3keyZYXWVUTSRQPONMLKJIHG',
  nonce: 'fakeNonce123',
  ciphertext:
    'IbCxeqnUwM5xXbEg9AcpKjyYPywgIIW3YDGp2qQ1IGXd8kJBlyjH1NkArkLzhKfxBew4kentE0ve/rVqEScmJ3iuTjwxyfF' +
    'TaKmTBMaBuvfDVWyUTucLtigNIbb7g095rCnfAtKmY+qebgdLQVavGV+vIsmHvcN9FRunBWcUZ9+iXhUl4+sTWLh4DShId2I' +
    'VPWjr+q7TUZQMM/8woNRPOJO9fk7tNI9rF5VoS6A4GjeDkeB1JpOH57YDxgZRgU//jd8xm/br0dOFCr7I2VXdQj71A+Zexmh' +
    '9N73UEMSNzT0XhcgsqDVPr1fZXFj6',
};

describe('payscore/crypto/aes-gcm', () => {
  it('decrypts the shared notification vector', () => {
    const { apiV3Key, resource, plaintext } = vectors.notificationDecrypt;
    const text = decryptAes256Gcm(
      apiV3Key,
      resource.nonce,
      resource.associated_data,
      resource.ciphertext,
    );
    assert.equal(text, plaintext);
  });

  it('F18: decrypts the field-report vector with the APIv3 key and associated_data', () => {
    const order = JSON.parse(decryptAes256Gcm(F18.key, F18.nonce, 'payscore', F18.ciphertext));
    assert.equal(order.out_order_no, 'FAKE-ORDER-0001');
    assert.equal(order.state, 'DOING');
    assert.equal(order.state_description, 'USER_CONFIRM');
    assert.equal(order.openid, 'oFAKE_openid_0000000000000');
  });

  it('F18: fails the tag with the APIv2 key or another associated_data', () => {
    const v2 = 'FAKEapiV2key0123456789abcdefABCD';
    assert.throws(() => decryptAes256Gcm(v2, F18.nonce, 'payscore', F18.ciphertext));
    assert.throws(() => decryptAes256Gcm(F18.key, F18.nonce, 'transaction', F18.ciphertext));
  });

  it('round-trips Chinese text and an empty associated_data', () => {
    const sealed = encryptAes256Gcm(F18.key, '0123456789ab', '', '{"a":"确认订单"}');
    assert.equal(decryptAes256Gcm(F18.key, '0123456789ab', '', sealed), '{"a":"确认订单"}');
  });

  it('rejects a key that is not 32 bytes', () => {
    assert.throws(() => encryptAes256Gcm('short', '0123456789ab', '', 'x'), /32 bytes, got 5/);
  });
});
