import { strict as assert } from 'node:assert';
import { createHash, verify } from 'node:crypto';
import { authorizationHeader, requestSignMessage } from '../../src/payscore';
import { rsaKeyPair } from '../support/keys';

const PARAMS = /^WECHATPAY2-SHA256-RSA2048 (.+)$/;

function parseAuthorization(header: string): Record<string, string> {
  const match = PARAMS.exec(header);
  assert.ok(match, header);
  return Object.fromEntries(
    match[1].split(',').map((pair) => {
      const [, name, value] = /^(\w+)="(.*)"$/.exec(pair)!;
      return [name, value];
    }),
  );
}

describe('payscore/auth/request-signer', () => {
  const keys = rsaKeyPair();
  const merchant = { mchid: '1900000000', serialNo: 'ABC123', privateKey: keys.privateKey };

  it('builds the five-line message of the protocol check value', () => {
    const message = requestSignMessage(
      'GET',
      '/v3/payscore/serviceorder?out_order_no=1234323JKHDFE1243252' +
        '&service_id=2002000000000558128851361561536&appid=wxd678efh567hg6787',
      1554208460,
      '593BEC0C930BF1AFEB40B4A08C8FB242',
      '',
    );
    assert.equal(Buffer.byteLength(message), 177);
    assert.equal(
      createHash('sha256').update(message).digest('hex'),
      '8afd44fb5e8f1a044501ed93b92b9a61a94db13bf56bbcd29d4e046ae7d72288',
    );
  });

  it('puts mchid, nonce, timestamp, serial and a verifiable signature in the header', () => {
    const header = authorizationHeader(merchant, {
      method: 'POST',
      pathWithQuery: '/v3/payscore/serviceorder',
      body: '{"a":1}',
      timestamp: 1700000000,
      nonce: 'N0NCE',
    });
    const params = parseAuthorization(header);
    assert.equal(params.mchid, '1900000000');
    assert.equal(params.nonce_str, 'N0NCE');
    assert.equal(params.timestamp, '1700000000');
    assert.equal(params.serial_no, 'ABC123');
    const message = 'POST\n/v3/payscore/serviceorder\n1700000000\nN0NCE\n{"a":1}\n';
    const ok = verify(
      'sha256',
      Buffer.from(message),
      keys.publicKey,
      Buffer.from(params.signature, 'base64'),
    );
    assert.ok(ok);
  });

  it('F17: signs the UTF-8 bytes of Chinese text, which an escaped body would not match', () => {
    const body = JSON.stringify({ service_introduction: 'FAKE充电宝租借' });
    const params = parseAuthorization(
      authorizationHeader(merchant, { method: 'POST', pathWithQuery: '/p', body }),
    );
    const signed = (text: string) =>
      verify(
        'sha256',
        Buffer.from(requestSignMessage('POST', '/p', params.timestamp, params.nonce_str, text)),
        keys.publicKey,
        Buffer.from(params.signature, 'base64'),
      );
    assert.ok(signed(body));
    assert.ok(!signed('{"service_introduction":"FAKE\\u5145\\u7535\\u5b9d\\u79df\\u501f"}'));
    assert.ok(!signed('{ "service_introduction": "FAKE充电宝租借" }'));
  });

  it('draws a new 32-character nonce for every request', () => {
    const request = { method: 'GET', pathWithQuery: '/p', body: '' };
    const a = parseAuthorization(authorizationHeader(merchant, request)).nonce_str;
    const b = parseAuthorization(authorizationHeader(merchant, request)).nonce_str;
    assert.match(a, /^[0-9A-Za-z]{32}$/);
    assert.notEqual(a, b);
  });
});
