import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runFlow } from '../../src/local/flow';
import { guardedEnv } from '../support/child-env';

const ROOT = path.resolve(__dirname, '..', '..');

function npmStart(args: string[]) {
  return spawnSync(
    process.execPath,
    ['-r', './scripts/ts-register.cjs', 'scripts/start.ts', ...args],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: guardedEnv(process.env) },
  );
}

describe('e2e: the whole confirm-order flow', () => {
  it('takes an order from the service page to paid, through every real part', async () => {
    const run = await runFlow({ persist: false });
    try {
      assert.equal(run.failure, undefined);
      assert.equal(run.paid, true);
      const text = run.transcript.join('\n');
      for (const word of ['query_id', '1038', 'PAYSCORE.USER_CONFIRM', 'PAYSCORE.USER_PAID']) {
        assert.ok(text.includes(word), `the transcript mentions ${word}`);
      }
      assert.match(text, /PAYSCORE\.USER_CONFIRM → payscoreNotify: 204 \(delivered\)/);
      assert.match(text, /order page: PAID 「已支付」 ¥2\.00/);
      const order = run.sandbox.order(run.outOrderNo!);
      assert.equal(order?.order.state, 'DONE');
    } finally {
      await run.close();
    }
  });

  it('`npm start` exits 0 with the transcript once the order is paid', () => {
    const stateDir = mkdtempSync(path.join(tmpdir(), 'payscore-start-'));
    try {
      const first = npmStart(['--state-dir', stateDir]);
      assert.equal(first.status, 0, first.stdout + first.stderr);
      assert.match(first.stdout, /merchant created/);
      assert.match(first.stdout, /OK: order PS\w+ is paid\./);
      const second = npmStart(['--state-dir', stateDir]);
      assert.equal(second.status, 0, second.stdout + second.stderr);
      assert.match(second.stdout, /merchant reused/);
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  }).timeout(60_000);

  it('`npm start` answers --help with 0 and an unknown flag with 2', () => {
    const help = npmStart(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--keep {2,}leave the sandbox running/);
    const bogus = npmStart(['--bogus']);
    assert.equal(bogus.status, 2);
    assert.match(bogus.stderr, /^unknown option --bogus/);
  }).timeout(30_000);

  it('`npm start` exits non-zero naming the step and the reason', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'payscore-start-'));
    const notADirectory = path.join(dir, 'file');
    writeFileSync(notADirectory, 'in the way');
    try {
      const run = npmStart(['--state-dir', notADirectory]);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /FAILED: starting the sandbox: .+/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }).timeout(60_000);
});
