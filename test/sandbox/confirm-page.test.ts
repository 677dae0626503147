import { strict as assert } from 'node:assert';
import { buildConfirmExtraData, signHmacSha256, type PayScoreClient } from '../../src/payscore';
import type { Sandbox } from '../../src/sandbox';
import { clientFor, createInput, memorySandbox, rawRequest } from './helpers';

type Json = Record<string, unknown>;

describe('sandbox: the Pay Score confirm page (extraData checks)', () => {
  let sandbox: Sandbox;
  let client: PayScoreClient;
  before(async () => {
    sandbox = await memorySandbox();
    client = clientFor(sandbox);
  });
  after(() => sandbox.close());

  const post = async (path: string, body: Json) => {
    const reply = await rawRequest(sandbox.baseUrl, {
      method: 'POST',
      path,
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json' },
    });
    return { status: reply.status, json: JSON.parse(reply.body) as Json & { detail?: Json } };
  };
  const newPackage = async () => (await client.create(createInput(client.config))).package ?? '';
  const signed = (orderPackage: string) =>
    buildConfirmExtraData(client.config.merchant.mchid, orderPackage, client.config.apiV2Key);
  const open = (extraData: unknown, appid = client.config.appid) =>
    post('/sandbox/user/confirm', { appid, openid: 'oUSER_page', extraData });

  it('confirms with a genuine extraData and returns a query_id', async () => {
    const { status, json } = await open(signed(await newPackage()));
    assert.equal(status, 200);
    assert.equal(json.confirmed, true);
    assert.match(String(json.query_id), /^[0-9A-Za-z]{64}$/);
    const order = sandbox.order(String(json.out_order_no));
    assert.equal(order?.order.state, 'DOING');
    assert.equal(order?.order.openid, 'oUSER_page');
    assert.deepEqual(order?.query_ids, [json.query_id]);
  });

  it('refuses a sign made with the APIv3 key, and says so', async () => {
    const data = signed(await newPackage());
    const { sign: _sign, ...fields } = data;
    const withV3 = { ...fields, sign: signHmacSha256(fields, client.config.apiV3Key) };
    const { status, json } = await open(withV3);
    assert.equal(status, 400);
    assert.equal(json.message, '商户签名校验失败');
    assert.match(String(json.detail?.issue), /APIv3 key/);
  });

  it('refuses a numeric mch_id, a millisecond timestamp and a lower-case sign', async () => {
    const data = signed(await newPackage());
    const cases: [Json, RegExp][] = [
      [{ ...data, mch_id: Number(data.mch_id) }, /mch_id must be a string/],
      [{ ...data, timestamp: `${data.timestamp}000` }, /timestamp must be 10 digits/],
      [{ ...data, sign: data.sign.toLowerCase() }, /upper-case hex/],
    ];
    for (const [extraData, issue] of cases) {
      const { status, json } = await open(extraData);
      assert.equal(status, 400);
      assert.equal(json.message, '系统繁忙');
      assert.match(String(json.detail?.issue), issue);
    }
    assert.equal((await open(data)).status, 200, 'failed checks do not use the package up');
  });

  it('refuses a package opened before, even by a user who left without confirming', async () => {
    const orderPackage = await newPackage();
    const left = await post('/sandbox/user/confirm', {
      appid: client.config.appid,
      openid: 'oUSER_left',
      extraData: signed(orderPackage),
      decision: 'leave',
    });
    assert.deepEqual(
      [left.status, left.json.confirmed, left.json.query_id],
      [200, false, undefined],
    );
    assert.equal(sandbox.order(String(left.json.out_order_no))?.order.state, 'CREATED');

    const again = await open(signed(orderPackage));
    assert.equal(again.status, 400);
    assert.equal(again.json.message, '订单未获得权益，系统繁忙');
  });

  it('4108 for another appid, 4186 for an unknown package, 4185 for none', async () => {
    const wrongApp = await open(signed(await newPackage()), 'wx0000000000000000');
    assert.equal(wrongApp.json.message, '商户请求错误，错误码：4108');
    const unknown = await open(signed('AAQT-not-a-real-package'));
    assert.equal(unknown.json.message, '商户请求错误，错误码：4186');
    const empty = await open({ mch_id: client.config.merchant.mchid });
    assert.equal(empty.json.message, '商户请求错误，错误码：4185');
    const otherBusiness = await post('/sandbox/user/confirm', {
      appid: client.config.appid,
      openid: 'oUSER_page',
      businessType: 'wxpayScoreEnable',
      extraData: signed(await newPackage()),
    });
    assert.equal(otherBusiness.json.message, '商户请求错误，错误码：4185');
  });

  it('back-icon confirms but returns no query_id; open + decide work as two steps', async () => {
    const opened = await post('/sandbox/user/open', {
      appid: client.config.appid,
      openid: 'oUSER_two_steps',
      extraData: signed(await newPackage()),
    });
    assert.equal(opened.status, 200);
    const decided = await post('/sandbox/user/decide', {
      page_id: opened.json.page_id,
      decision: 'back-icon',
    });
    assert.deepEqual([decided.json.confirmed, decided.json.query_id], [true, undefined]);
    assert.equal(sandbox.order(String(opened.json.out_order_no))?.order.state, 'DOING');
    const twice = await post('/sandbox/user/decide', {
      page_id: opened.json.page_id,
      decision: 'confirm',
    });
    assert.equal(twice.status, 409);
  });
});
