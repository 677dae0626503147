import { strict as assert } from 'node:assert';
import { generateKeyPairSync } from 'node:crypto';
import {
  authorizationHeader,
  headerLookup,
  loadConfig,
  verifyWechatpaySignature,
  type PayScoreConfig,
} from '../../src/payscore';
import type { Sandbox } from '../../src/sandbox';
import {
  apiError,
  clientFor,
  memorySandbox,
  rawRequest,
  signedRequest,
  type RawReply,
} from './helpers';

const QUERY = '/v3/payscore/serviceorder';

describe('sandbox: request signatures', () => {
  let sandbox: Sandbox;
  let config: PayScoreConfig;
  let queryPath: string;
  before(async () => {
    sandbox = await memorySandbox();
    config = loadConfig(sandbox.merchantEnv);
    queryPath = `${QUERY}?out_order_no=NOPE-1&service_id=${config.serviceId}&appid=${config.appid}`;
  });
  after(() => sandbox.close());

  const verified = (reply: RawReply) => {
    verifyWechatpaySignature(
      headerLookup(reply.headers),
      reply.body,
      config.wechatpayKeys,
      Date.now() / 1000,
    );
    return JSON.parse(reply.body) as {
      code: string;
      message: string;
      detail?: Record<string, unknown>;
    };
  };

  it('accepts a genuine signature (then 404 for the unknown order), signed reply', async () => {
    const reply = await signedRequest(sandbox, 'GET', queryPath);
    assert.equal(reply.status, 404);
    assert.deepEqual(verified(reply), { code: 'ORDER_NOT_EXIST', message: '订单不存在' });
    assert.match(String(reply.headers['request-id']), /^[0-9A-F]{32}$/);
  });

  it('refuses a request without Authorization, in a signed error reply', async () => {
    const reply = await rawRequest(sandbox.baseUrl, { path: queryPath });
    assert.equal(reply.status, 401);
    assert.equal(verified(reply).code, 'SIGN_ERROR');
  });

  it('refuses a body changed after signing and shows what it verified', async () => {
    const body = JSON.stringify({ appid: config.appid, out_order_no: 'A' });
    const reply = await signedRequest(sandbox, 'POST', QUERY, body, {
      sentBody: body.replace('A', 'B'),
    });
    assert.equal(reply.status, 401);
    const error = verified(reply);
    assert.equal(error.code, 'SIGN_ERROR');
    assert.equal(error.message, '错误的签名，验签失败');
    assert.equal(error.detail?.issue, 'sign not match');
    assert.match(
      String(error.detail?.truncated_sign_message),
      /^POST\n\/v3\/payscore\/serviceorder\n\d{10}\n\w{32}\n\{"appid"/,
    );
  });

  it('verifies the query string exactly as sent', async () => {
    const reordered = `${QUERY}?appid=${config.appid}&service_id=${config.serviceId}&out_order_no=NOPE-1`;
    const reply = await signedRequest(sandbox, 'GET', queryPath, '', { sentPath: reordered });
    assert.equal(reply.status, 401);
    assert.match(
      String(verified(reply).detail?.truncated_sign_message),
      /^GET\n\/v3\/payscore\/serviceorder\?appid=/,
    );
  });

  it('refuses a timestamp more than 5 minutes away, either way', async () => {
    for (const offset of [-301, 400]) {
      const timestamp = Math.floor(Date.now() / 1000) + offset;
      const reply = await signedRequest(sandbox, 'GET', queryPath, '', { timestamp });
      assert.equal(reply.status, 401);
      assert.equal(
        verified(reply).message,
        'Http头Authorization中的timestamp与发起请求的时间不得超过5分钟',
      );
    }
    const stale = clientFor(sandbox, { now: () => Date.now() - 10 * 60 * 1000 });
    await assert.rejects(stale.query({ out_order_no: 'NOPE-1' }), apiError(401, 'SIGN_ERROR'));
  });

  it('refuses another mchid, another serial and another key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const variants = [
      { ...config.merchant, mchid: '1900000000' },
      { ...config.merchant, serialNo: '0'.repeat(40) },
      { ...config.merchant, privateKey: other },
    ];
    for (const merchant of variants) {
      const authorization = authorizationHeader(merchant, {
        method: 'GET',
        pathWithQuery: queryPath,
        body: '',
      });
      const reply = await rawRequest(sandbox.baseUrl, {
        path: queryPath,
        headers: { Authorization: authorization },
      });
      assert.equal(reply.status, 401);
      assert.equal(verified(reply).code, 'SIGN_ERROR');
    }
  });

  it('takes the five items in any order, and refuses a malformed header', async () => {
    const header = authorizationHeader(config.merchant, {
      method: 'GET',
      pathWithQuery: queryPath,
      body: '',
    });
    const [scheme, items] = [
      header.slice(0, header.indexOf(' ')),
      header.slice(header.indexOf(' ') + 1),
    ];
    const reversed = `${scheme} ${items.split(',').reverse().join(',')}`;
    const ok = await rawRequest(sandbox.baseUrl, {
      path: queryPath,
      headers: { Authorization: reversed },
    });
    assert.equal(ok.status, 404);

    for (const bad of [`Bearer ${items}`, `${scheme} ${items},mchid="1"`, `${scheme} mchid=1`]) {
      const reply = await rawRequest(sandbox.baseUrl, {
        path: queryPath,
        headers: { Authorization: bad },
      });
      assert.equal(reply.status, 401, bad.slice(0, 40));
    }
  });
});
