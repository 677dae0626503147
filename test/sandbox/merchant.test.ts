import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_VARIABLES, loadConfig } from '../../src/payscore';
import { startSandbox } from '../../src/sandbox';
import { parseEnvFile } from '../../src/local/env-file';

const EXPECTED_VARIABLES = [
  'WECHATPAY_MCHID',
  'WECHATPAY_SERIAL_NO',
  'WECHATPAY_PRIVATE_KEY',
  'WECHATPAY_APIV2_KEY',
  'WECHATPAY_APIV3_KEY',
  'WECHATPAY_PUBLIC_KEY_ID',
  'WECHATPAY_PUBLIC_KEY',
  'WECHATPAY_BASE_URL',
  'WECHATPAY_APPID',
  'PAYSCORE_SERVICE_ID',
  'PAYSCORE_NOTIFY_URL',
];

describe('sandbox merchant', () => {
  let stateDir: string;
  beforeEach(() => {
    stateDir = mkdtempSync(join(tmpdir(), 'payscore-sandbox-'));
  });
  afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

  it('creates a fake merchant whose merchant.env the core loads', async () => {
    const sandbox = await startSandbox({ stateDir });
    try {
      assert.deepEqual(sandbox.created.sort(), ['WeChat Pay key pair', 'merchant']);
      const fileEnv = parseEnvFile(readFileSync(join(stateDir, 'merchant.env'), 'utf8'));
      assert.deepEqual(Object.keys(fileEnv).sort(), [...EXPECTED_VARIABLES].sort());
      assert.deepEqual(fileEnv, sandbox.merchantEnv);
      for (const name of EXPECTED_VARIABLES) assert.ok(name in CONFIG_VARIABLES, name);

      const env = sandbox.merchantEnv;
      assert.match(env.WECHATPAY_MCHID, /^\d{10}$/);
      assert.match(env.WECHATPAY_APPID, /^wx[0-9a-f]{16}$/);
      assert.match(env.PAYSCORE_SERVICE_ID, /^\d{32}$/);
      assert.match(env.WECHATPAY_SERIAL_NO, /^[0-9A-F]{40}$/);
      assert.match(env.WECHATPAY_PUBLIC_KEY_ID, /^PUB_KEY_ID_\d+$/);
      assert.equal(env.WECHATPAY_APIV2_KEY.length, 32);
      assert.equal(env.WECHATPAY_APIV3_KEY.length, 32);
      assert.notEqual(env.WECHATPAY_APIV2_KEY, env.WECHATPAY_APIV3_KEY);
      assert.ok(!env.WECHATPAY_PRIVATE_KEY.includes('\n'), 'PEM on one line');
      assert.equal(env.WECHATPAY_BASE_URL, sandbox.baseUrl);
      assert.equal(env.PAYSCORE_NOTIFY_URL, `${sandbox.baseUrl}/sandbox/notify-sink`);

      const config = loadConfig(env);
      assert.equal(config.baseUrl, sandbox.baseUrl);
      assert.equal(config.wechatpayKeys.publicKey?.id, env.WECHATPAY_PUBLIC_KEY_ID);

      const secrets = readFileSync(join(stateDir, 'wechatpay.json'), 'utf8');
      assert.match(secrets, /PRIVATE KEY/);
      assert.ok(
        !readFileSync(join(stateDir, 'merchant.env'), 'utf8').includes(secrets.slice(40, 120)),
      );
      assert.equal(statSync(join(stateDir, 'merchant.env')).mode & 0o077, 0);
    } finally {
      await sandbox.close();
    }
  });

  it('reuses the merchant on the next start and follows the new port', async () => {
    const first = await startSandbox({ stateDir });
    const firstEnv = first.merchantEnv;
    await first.close();

    const second = await startSandbox({ stateDir });
    try {
      assert.deepEqual(second.created, []);
      const { WECHATPAY_BASE_URL: _a, PAYSCORE_NOTIFY_URL: _b, ...kept } = second.merchantEnv;
      const { WECHATPAY_BASE_URL: _c, PAYSCORE_NOTIFY_URL: _d, ...before } = firstEnv;
      assert.deepEqual(kept, before);
      assert.equal(second.merchantEnv.WECHATPAY_BASE_URL, second.baseUrl);
      assert.equal(second.merchantEnv.PAYSCORE_NOTIFY_URL, `${second.baseUrl}/sandbox/notify-sink`);
      loadConfig(second.merchantEnv);
    } finally {
      await second.close();
    }
  });

  it('keeps a custom notify URL and regenerates an unreadable WeChat Pay key', async () => {
    const first = await startSandbox({ stateDir, notifyUrl: 'http://127.0.0.1:3000/notify' });
    const firstEnv = first.merchantEnv;
    await first.close();
    writeFileSync(join(stateDir, 'wechatpay.json'), '{"broken": true}');

    const second = await startSandbox({ stateDir });
    try {
      assert.deepEqual(second.created, ['WeChat Pay key pair']);
      assert.equal(second.merchantEnv.PAYSCORE_NOTIFY_URL, 'http://127.0.0.1:3000/notify');
      assert.equal(second.merchantEnv.WECHATPAY_MCHID, firstEnv.WECHATPAY_MCHID);
      assert.notEqual(second.merchantEnv.WECHATPAY_PUBLIC_KEY, firstEnv.WECHATPAY_PUBLIC_KEY);
      loadConfig(second.merchantEnv);
    } finally {
      await second.close();
    }
  });

  it('writes nothing when persist is false', async () => {
    const sandbox = await startSandbox({ stateDir, persist: false });
    try {
      assert.equal(sandbox.merchantEnvPath, undefined);
      assert.throws(() => statSync(join(stateDir, 'merchant.env')), /ENOENT/);
      loadConfig(sandbox.merchantEnv);
    } finally {
      await sandbox.close();
    }
  });
});
