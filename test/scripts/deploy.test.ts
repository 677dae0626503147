import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FUNCTION_NAMES, buildFunctions } from '../../scripts/build-functions';
import { deployedFunctions, isThisMachine, missingModules } from '../../scripts/deploy';
import { validEnv } from '../support/env';
import { parseEnvFile } from '../../src/local/env-file';
import { startSandbox } from '../../src/sandbox';
import { guardedEnv } from '../support/child-env';

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs `npm run deploy`'s script with only these variables; a developer's .env is not read. */
function deploy(env: Record<string, string>) {
  const noFile = path.join(ROOT, 'test', 'fixtures', 'no-such.env');
  return spawnSync(process.execPath, ['-r', './scripts/ts-register.cjs', 'scripts/deploy.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: guardedEnv({ PATH: process.env.PATH, DEPLOY_ENV_FILE: noFile, ...env }),
  });
}

describe('scripts/deploy', () => {
  it('F22: counts only the functions the CLI reports deployed', () => {
    const chinese = '[payscore] 云函数部署成功\n[payscoreNotify] 云函数部署成功\n成功部署 2 个函数';
    assert.deepEqual(deployedFunctions(chinese), [...FUNCTION_NAMES]);
    const english = '[payscore] function deployed successfully';
    assert.deepEqual(deployedFunctions(english), ['payscore']);
    assert.deepEqual(deployedFunctions('成功部署 0 个函数'), []);
    assert.deepEqual(
      deployedFunctions('[payscore] 云函数部署失败 [payscoreNotify] not deployed'),
      [],
    );
    assert.deepEqual(deployedFunctions('[payscore] 部署不成功'), []);
  });

  it('F21: finds a require() that the function package.json does not list', () => {
    const [bundle] = buildFunctions();
    const manifest = JSON.parse(
      readFileSync(path.join(path.dirname(bundle), 'package.json'), 'utf8'),
    );
    assert.deepEqual(missingModules(readFileSync(bundle, 'utf8'), manifest.dependencies), []);
    const leaky =
      'require("wx-server-sdk");require("node:crypto");require("https");require("axios")';
    assert.deepEqual(missingModules(leaky, manifest.dependencies), ['axios']);
  });

  it('F23: each built main file sits beside a package.json pinning only wx-server-sdk', () => {
    for (const bundle of buildFunctions()) {
      const dir = path.dirname(bundle);
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      assert.equal(path.join(dir, manifest.main), bundle);
      assert.deepEqual(Object.keys(manifest.dependencies), ['wx-server-sdk']);
      assert.match(manifest.dependencies['wx-server-sdk'], /^\d+\.\d+\.\d+$/);
      assert.match(readFileSync(bundle, 'utf8'), /exports|module\.exports/);
    }
  });

  it('refuses to deploy the local sandbox merchant, before running the CLI', async () => {
    const sandbox = await startSandbox({ persist: false });
    try {
      const run = deploy({ ENV_ID: 'local-test-0000', ...sandbox.merchantEnv });
      assert.equal(run.status, 1);
      assert.match(run.stderr, /WECHATPAY_BASE_URL points at this machine/);
      assert.match(run.stderr, /PAYSCORE_NOTIFY_URL points at this machine/);
      assert.doesNotMatch(run.stdout, /tcb fn deploy/);
    } finally {
      await sandbox.close();
    }
  });

  it('refuses a key file, which never reaches the deployed function', () => {
    const run = deploy({
      ...validEnv(),
      ENV_ID: 'local-test-0000',
      WECHATPAY_BASE_URL: 'https://api.example.invalid',
      PAYSCORE_NOTIFY_URL: 'https://example.invalid/payscore/notify',
      WECHATPAY_PRIVATE_KEY: '',
      WECHATPAY_PRIVATE_KEY_FILE: path.join(ROOT, 'test', 'fixtures', 'platform-key.pem'),
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /WECHATPAY_PRIVATE_KEY_FILE is a path on this machine/);
    assert.doesNotMatch(run.stdout, /tcb fn deploy/);
  });

  it('knows the names of this machine', () => {
    for (const host of [
      'localhost',
      'localhost.',
      '127.0.0.2',
      '0.0.0.0',
      '[::1]',
      '[::ffff:127.0.0.1]',
    ]) {
      assert.ok(isThisMachine(host), host);
    }
    for (const host of ['api.mch.weixin.qq.com', '10.0.0.1', 'example.invalid']) {
      assert.ok(!isThisMachine(host), host);
    }
  });

  it('reads .env values without their trailing comments', () => {
    const env = parseEnvFile('ENV_ID=prod-1a2b3c # my env\nexport A="x # y"\n# B=no');
    assert.deepEqual(env, { ENV_ID: 'prod-1a2b3c', A: 'x # y' });
  });

  it('fails loudly without ENV_ID, before running the CLI', () => {
    const run = deploy({});
    assert.equal(run.status, 1);
    assert.match(run.stderr, /ENV_ID is not set/);
    assert.doesNotMatch(run.stdout, /tcb fn deploy/);
  });

  it('refuses an invalid configuration, naming variables, before running the CLI', () => {
    const run = deploy({ ENV_ID: 'local-test-0000', WECHATPAY_APIV3_KEY: 'secret-value' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /configuration refused, nothing deployed/);
    assert.match(run.stderr, /WECHATPAY_APIV3_KEY must be 32 characters/);
    assert.doesNotMatch(run.stderr, /secret-value/);
    assert.doesNotMatch(run.stdout, /tcb fn deploy/);
  });
});
