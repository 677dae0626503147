import { strict as assert } from 'node:assert';
import { ConfigError, loadConfig } from '../../src/payscore';
import { validEnv } from '../support/env';

function problems(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error;
  }
  throw new Error('configuration was accepted');
}

describe('payscore/config', () => {
  it('reads a complete configuration, PEMs written with \\n escapes included', () => {
    const config = loadConfig(validEnv());
    assert.equal(config.merchant.mchid, '1900000000');
    assert.equal(config.baseUrl, 'http://127.0.0.1:9');
    assert.equal(config.wechatpayKeys.publicKey?.id, 'PUB_KEY_ID_0000000000000000000000000000');
  });

  it('lists every missing variable at once', () => {
    const error = problems({});
    assert.ok(error.variables.includes('WECHATPAY_MCHID'));
    assert.ok(error.variables.includes('WECHATPAY_APIV2_KEY'));
    assert.ok(error.variables.includes('PAYSCORE_NOTIFY_URL'));
  });

  it('names wrong variables without ever printing their values', () => {
    const env = {
      ...validEnv(),
      WECHATPAY_APIV2_KEY: 'secret-too-short',
      WECHATPAY_MERCHANT_PRIVATE_KEY: 'not a key at all, secretvalue',
    };
    const error = problems(env);
    assert.deepEqual(error.variables.sort(), [
      'WECHATPAY_APIV2_KEY',
      'WECHATPAY_MERCHANT_PRIVATE_KEY',
    ]);
    assert.ok(!error.message.includes('secret'), error.message);
  });

  it('F18: refuses the same key as APIv2 and APIv3 key', () => {
    const env = { ...validEnv(), WECHATPAY_APIV2_KEY: validEnv().WECHATPAY_APIV3_KEY };
    assert.match(problems(env).message, /equals WECHATPAY_APIV3_KEY/);
  });

  it('needs https, except plain http on loopback (the sandbox)', () => {
    const env = { ...validEnv(), WECHATPAY_BASE_URL: 'http://api.example.invalid' };
    assert.match(problems(env).message, /WECHATPAY_BASE_URL must use https/);
    const notify = { ...validEnv(), PAYSCORE_NOTIFY_URL: 'https://x.invalid/notify?a=1' };
    assert.match(problems(notify).message, /PAYSCORE_NOTIFY_URL must not have a query string/);
  });

  it('needs a WeChat Pay public key or platform certificates to verify replies', () => {
    const env = { ...validEnv(), WECHATPAY_PUBLIC_KEY_ID: '', WECHATPAY_PUBLIC_KEY: '' };
    assert.match(problems(env).message, /WECHATPAY_PUBLIC_KEY or WECHATPAY_PLATFORM_CERTIFICATES/);
  });
});
