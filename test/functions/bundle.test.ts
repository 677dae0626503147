import { strict as assert } from 'node:assert';
import * as cloud from 'wx-server-sdk';
import { loadLocalFunctions, type LocalFunctions } from '../../src/local/cloud-functions';
import { startSandbox, type Sandbox } from '../../src/sandbox';

describe('functions: the built bundles with the real wx-server-sdk', () => {
  let sandbox: Sandbox;
  let functions: LocalFunctions;
  let appid: string;
  before(async () => {
    sandbox = await startSandbox({ persist: false });
    appid = sandbox.merchantEnv.WECHATPAY_APPID;
    functions = loadLocalFunctions(sandbox.merchantEnv);
  });
  after(async () => {
    functions.restore();
    await sandbox.close();
  });

  it('F20: initialises on the current environment and reads the caller from the context', () => {
    assert.equal(typeof cloud.DYNAMIC_CURRENT_ENV, 'symbol');
    process.env.WX_OPENID = 'oBundle';
    const context = cloud.getWXContext();
    assert.equal(context.OPENID, 'oBundle');
    assert.ok(typeof context.ENV === 'string' && context.ENV.length > 0);
  });

  it('serves start through the bundle against the sandbox', async () => {
    const reply = (await functions.call(
      'payscore',
      { action: 'start' },
      { openid: 'oB', appid },
    )) as {
      ok: boolean;
      out_order_no: string;
    };
    assert.equal(reply.ok, true);
    assert.equal(sandbox.order(reply.out_order_no)?.order.state, 'CREATED');
  });

  it('refuses a call whose context has no openid', async () => {
    const reply = await functions.call('payscore', { action: 'plan' }, { openid: '', appid });
    assert.deepEqual(reply, {
      ok: false,
      code: 'UNAUTHENTICATED',
      message: '请在微信小程序内使用',
    });
  });

  it('answers an HTTP access event without a signature with 401 FAIL', async () => {
    const reply = await functions.notify({ httpMethod: 'POST', headers: {}, body: '{}' });
    assert.equal(reply.statusCode, 401);
    assert.equal(JSON.parse(reply.body).code, 'FAIL');
  });
});
