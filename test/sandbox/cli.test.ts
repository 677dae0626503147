import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HelpRequested, parseArgs } from '../../src/sandbox/cli';
import { guardedEnv } from '../support/child-env';

const ROOT = resolve(__dirname, '..', '..');

describe('sandbox CLI', () => {
  it('reads its flags and refuses unknown ones', () => {
    assert.deepEqual(parseArgs(['--port', '8123', '--auto-deduct', '500']), {
      persist: true,
      port: 8123,
      autoDeductMs: 500,
    });
    assert.throws(() => parseArgs(['--host', '0.0.0.0']), /unknown option --host/);
    assert.throws(() => parseArgs(['--port']), /needs a value/);
    assert.throws(() => parseArgs(['--port', 'eighty']), /whole number/);
    assert.throws(() => parseArgs(['--help']), HelpRequested);
    assert.throws(() => parseArgs(['--notify-url', 'ftp://127.0.0.1/x']), /loopback URL/);
    assert.throws(() => parseArgs(['--bogus']), /unknown option --bogus/);
    assert.throws(
      () => parseArgs(['--notify-url', 'https://example.invalid/notify']),
      /must be a loopback URL/,
    );
    assert.equal(
      parseArgs(['--notify-url', 'http://127.0.0.1:9/n']).notifyUrl,
      'http://127.0.0.1:9/n',
    );
  });

  it('prints its URLs, serves, exits 0 on SIGTERM despite a keep-alive client', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'payscore-sandbox-cli-'));
    const child = spawn(
      process.execPath,
      [
        '-r',
        './scripts/ts-register.cjs',
        'src/sandbox/cli.ts',
        '--port',
        '0',
        '--state-dir',
        stateDir,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: guardedEnv(process.env) },
    );
    try {
      let output = '';
      const baseUrl = await new Promise<string>((found, fail) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          // The last line printed at start; the earlier ones may come in separate chunks.
          const match = /page: (http:\/\/127\.0\.0\.1:\d+)\/[\s\S]*notifications go to/.exec(
            output,
          );
          if (match) found(match[1]);
        });
        child.on('exit', (code) => fail(new Error(`exited early with ${code}: ${output}`)));
      });
      assert.match(output, /at http:\/\/127\.0\.0\.1:\d+\n/);
      assert.match(output, /merchant\.env/);

      const agent = new http.Agent({ keepAlive: true });
      const status = await new Promise<number>((done, fail) => {
        http
          .get(`${baseUrl}/sandbox/merchant`, { agent }, (res) => {
            res.resume();
            done(res.statusCode ?? 0);
          })
          .on('error', fail);
      });
      assert.equal(status, 200);

      const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      child.kill('SIGTERM');
      assert.equal(await exit, 0);
      agent.destroy();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
