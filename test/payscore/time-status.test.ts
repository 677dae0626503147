import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import {
  allowedOperations,
  formatBeijingTime,
  isForward,
  orderStatus,
  parseBeijingTime,
} from '../../src/payscore';
import { guardedEnv } from '../support/child-env';

describe('payscore/time', () => {
  it('formats instants as Beijing time', () => {
    assert.equal(formatBeijingTime(Date.UTC(2026, 11, 31, 16, 30, 5)), '20270101003005');
  });

  it('gives the same string whatever the process time zone', () => {
    const timeModule = path.resolve(__dirname, '../../src/payscore/time.ts');
    const script = `require(${JSON.stringify(timeModule)})`;
    const run = (tz: string) =>
      execFileSync(
        process.execPath,
        ['-r', './scripts/ts-register.cjs', '-e', `console.log(${script}.formatBeijingTime(0))`],
        { env: guardedEnv({ ...process.env, TZ: tz }), encoding: 'utf8' },
      ).trim();
    assert.equal(run('America/New_York'), '19700101080000');
    assert.equal(run('Asia/Shanghai'), '19700101080000');
  });

  it('parses full and day forms, rejecting impossible dates', () => {
    assert.equal(parseBeijingTime('20270101003005')?.getTime(), Date.UTC(2026, 11, 31, 16, 30, 5));
    assert.equal(parseBeijingTime('20261204')?.getTime(), Date.UTC(2026, 11, 3, 16, 0, 0));
    assert.equal(parseBeijingTime('20261204', true)?.getTime(), Date.UTC(2026, 11, 4, 15, 59, 59));
    for (const bad of ['20260230120000', '20261204246000', 'OnAccept', '2026120412']) {
      assert.equal(parseBeijingTime(bad), undefined, bad);
    }
  });
});

describe('payscore/status', () => {
  const cases: [object, string][] = [
    [{ state: 'CREATED' }, 'WAITING_FOR_USER'],
    [{ state: 'DOING', state_description: 'USER_CONFIRM' }, 'IN_SERVICE'],
    [
      { state: 'DOING', state_description: 'MCH_COMPLETE', collection: { state: 'USER_PAYING' } },
      'COLLECTING',
    ],
    [{ state: 'DONE', collection: { state: 'USER_PAID' } }, 'PAID'],
    [{ state: 'REVOKED' }, 'REVOKED'],
    [{ state: 'EXPIRED' }, 'EXPIRED'],
  ];
  for (const [order, status] of cases) {
    it(`reads ${JSON.stringify(order)} as ${status}`, () => {
      assert.equal(orderStatus(order as { state: string }), status);
    });
  }

  it('lists the operations each status allows', () => {
    assert.deepEqual(allowedOperations('WAITING_FOR_USER'), ['cancel']);
    assert.deepEqual(allowedOperations('IN_SERVICE'), ['cancel', 'complete']);
    assert.deepEqual(allowedOperations('COLLECTING'), ['modify', 'pay', 'sync']);
    assert.deepEqual(allowedOperations('PAID'), []);
  });

  it('only moves forward', () => {
    assert.ok(isForward('WAITING_FOR_USER', 'IN_SERVICE'));
    assert.ok(isForward('IN_SERVICE', 'PAID'));
    assert.ok(!isForward('COLLECTING', 'IN_SERVICE'));
    assert.ok(!isForward('PAID', 'REVOKED'));
    assert.ok(!isForward('REVOKED', 'IN_SERVICE'));
  });

  it('refuses to guess an unknown state', () => {
    assert.throws(() => orderStatus({ state: 'USER_ACCEPTED' }), /unknown Pay Score order state/);
  });
});
