import { strict as assert } from 'node:assert';
import {
  NotificationError,
  SignatureError,
  encryptAes256Gcm,
  headerLookup,
  loadWechatpayKeys,
  parseNotification,
  signSha256Rsa,
  wechatpaySignMessage,
} from '../../src/payscore';
import { rsaKeyPair } from '../support/keys';

const NOW = 1_700_000_000;
const V3 = 'FAKEapiV3keyZYXWVUTSRQPONMLKJIHG';
const ID = 'PUB_KEY_ID_0000000000000000000000000000';
const wechatpay = rsaKeyPair();
const keys = loadWechatpayKeys({
  publicKeyId: ID,
  publicKeyPem: wechatpay.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
});

function notification(order: object, options: { key?: string; extra?: object } = {}) {
  const body = JSON.stringify({
    id: 'EV-1',
    create_time: '2026-12-04T14:00:00+08:00',
    resource_type: 'encrypt-resource',
    event_type: 'PAYSCORE.USER_CONFIRM',
    summary: '确认订单',
    resource: {
      original_type: 'payscore',
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: encryptAes256Gcm(
        options.key ?? V3,
        'abcdefghijkl',
        'payscore',
        JSON.stringify(order),
      ),
      associated_data: 'payscore',
      nonce: 'abcdefghijkl',
    },
    ...options.extra,
  });
  const signature = signSha256Rsa(
    wechatpaySignMessage(String(NOW), 'n1', body),
    wechatpay.privateKey,
  );
  const headers = {
    'wechatpay-timestamp': String(NOW),
    'wechatpay-nonce': 'n1',
    'wechatpay-signature': signature,
    'wechatpay-serial': ID,
  };
  return { body, header: headerLookup(headers) };
}

const ORDER = {
  out_order_no: 'FAKE-ORDER-0001',
  state: 'DOING',
  state_description: 'USER_CONFIRM',
};

describe('payscore/notification', () => {
  it('verifies, decrypts and types a USER_CONFIRM notification', () => {
    const { body, header } = notification({ ...ORDER, new_field_from_wechat: { x: 1 } });
    const note = parseNotification(header, body, keys, V3, NOW);
    assert.equal(note.id, 'EV-1');
    assert.equal(note.event_type, 'PAYSCORE.USER_CONFIRM');
    assert.equal(note.order.out_order_no, 'FAKE-ORDER-0001');
    assert.deepEqual(note.order.new_field_from_wechat, { x: 1 });
  });

  it('keeps unknown envelope fields from being fatal', () => {
    const { body, header } = notification(ORDER, { extra: { brand_new: true } });
    assert.equal(parseNotification(header, body, keys, V3, NOW).order.state, 'DOING');
  });

  it('verifies before decrypting: a tampered body is a SignatureError', () => {
    const { body, header } = notification(ORDER);
    const tampered = body.replace('USER_CONFIRM', 'USER_PAID');
    assert.throws(() => parseNotification(header, tampered, keys, V3, NOW), SignatureError);
  });

  it('F18: a tag failure says to check the APIv3 key', () => {
    const { body, header } = notification(ORDER, { key: 'FAKEapiV2key0123456789abcdefABCD' });
    assert.throws(
      () => parseNotification(header, body, keys, V3, NOW),
      (error: unknown) =>
        error instanceof NotificationError &&
        error.message ===
          'decryption failed: check that the APIv3 key (not the APIv2 key) is configured',
    );
  });

  it('rejects a plaintext that is not an order', () => {
    const { body, header } = notification({ hello: 'world' });
    assert.throws(() => parseNotification(header, body, keys, V3, NOW), /lacks out_order_no/);
  });
});
