import { strict as assert } from 'node:assert';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ConfigError, DEFAULT_BASE_URL, loadConfig } from '../../src/payscore';
import { validEnv } from '../support/env';
import { platformFixture } from '../support/keys';

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

  it('reads a platform certificate bundle, keyed by each certificate serial', () => {
    const env = { ...validEnv(), WECHATPAY_PLATFORM_CERTS: platformFixture.certificatePem };
    const { platformCertificates } = loadConfig(env).wechatpayKeys;
    assert.deepEqual([...platformCertificates.keys()], [platformFixture.serial]);
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
      WECHATPAY_PRIVATE_KEY: 'not a key at all, secretvalue',
    };
    const error = problems(env);
    assert.deepEqual(error.variables.sort(), ['WECHATPAY_APIV2_KEY', 'WECHATPAY_PRIVATE_KEY']);
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

  it('reads the private key from WECHATPAY_PRIVATE_KEY_FILE instead, but never from both', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'payscore-key-'));
    try {
      const file = path.join(dir, 'apiclient_key.pem');
      const env = validEnv();
      writeFileSync(file, env.WECHATPAY_PRIVATE_KEY.replace(/\\n/g, '\n'));
      const fromFile = { ...env, WECHATPAY_PRIVATE_KEY: '', WECHATPAY_PRIVATE_KEY_FILE: file };
      assert.equal(loadConfig(fromFile).merchant.privateKey.asymmetricKeyType, 'rsa');
      const both = { ...env, WECHATPAY_PRIVATE_KEY_FILE: file };
      assert.match(problems(both).message, /are both set: keep one/);
      const missing = { ...fromFile, WECHATPAY_PRIVATE_KEY_FILE: path.join(dir, 'nope.pem') };
      assert.match(
        problems(missing).message,
        /WECHATPAY_PRIVATE_KEY_FILE names a file that cannot/,
      );
      assert.ok(!problems(missing).message.includes(dir), 'the path is not echoed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails at start-up on a truncated key or a key of the wrong kind', () => {
    const env = validEnv();
    const truncated = { ...env, WECHATPAY_PRIVATE_KEY: env.WECHATPAY_PRIVATE_KEY.slice(0, 200) };
    assert.match(problems(truncated).message, /WECHATPAY_PRIVATE_KEY is not a readable PEM/);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ecPem = ec.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    assert.match(
      problems({ ...env, WECHATPAY_PRIVATE_KEY: ecPem }).message,
      /must be an RSA private key of 2048 bits/,
    );
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const weakPem = weak.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    assert.match(
      problems({ ...env, WECHATPAY_PRIVATE_KEY: weakPem }).message,
      /of 2048 bits or more/,
    );
    assert.match(
      problems({ ...env, WECHATPAY_SERIAL_NO: 'AB"CD' }).message,
      /WECHATPAY_SERIAL_NO must be the certificate serial in hex/,
    );
    const withPath = { ...env, WECHATPAY_BASE_URL: 'https://api.mch.weixin.qq.com/v3' };
    assert.match(problems(withPath).message, /must be the host only, without a path/);
    const privateAsPublic = { ...env, WECHATPAY_PUBLIC_KEY: env.WECHATPAY_PRIVATE_KEY };
    assert.match(problems(privateAsPublic).message, /must be a PEM public key/);
    const bareId = { ...env, WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_' };
    assert.match(problems(bareId).message, /PUB_KEY_ID_ followed by digits/);
    const weakPublic = weak.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    assert.match(
      problems({ ...env, WECHATPAY_PUBLIC_KEY: weakPublic }).message,
      /WECHATPAY_PUBLIC_KEY must be an RSA public key of 2048 bits/,
    );
    for (const [url, rule] of [
      ['https://x.invalid/notify#part', /#fragment/],
      ['https://user:pw@x.invalid/notify', /user name or password/],
      ['https://x.invalid/notify?', /query string/],
    ] as const) {
      assert.match(problems({ ...env, PAYSCORE_NOTIFY_URL: url }).message, rule);
    }
    const notCerts = { ...env, WECHATPAY_PLATFORM_CERTS: 'hello' };
    assert.match(problems(notCerts).message, /WECHATPAY_PLATFORM_CERTS holds no PEM certificate/);
  });

  it('defaults the base URL to the production API', () => {
    const { WECHATPAY_BASE_URL: _unused, ...env } = validEnv();
    void _unused;
    assert.equal(loadConfig(env).baseUrl, DEFAULT_BASE_URL);
    assert.equal(DEFAULT_BASE_URL, 'https://api.mch.weixin.qq.com');
  });

  it('needs a WeChat Pay public key or platform certificates to verify replies', () => {
    const env = { ...validEnv(), WECHATPAY_PUBLIC_KEY_ID: '', WECHATPAY_PUBLIC_KEY: '' };
    assert.match(problems(env).message, /WECHATPAY_PUBLIC_KEY or WECHATPAY_PLATFORM_CERTS/);
  });
});
