import { strict as assert } from 'node:assert';
import type { Replies } from '../../miniprogram/services/contract';
import { handleNotification, type HttpAccessEvent } from '../../src/functions/lib/notify';
import { MemoryOrderStore } from '../../src/functions/lib/store/memory-store';
import { FlakyStore } from '../support/flaky-store';
import { startFunctionRig, type FunctionRig } from '../support/function-rig';

async function confirmedOrder(rig: FunctionRig) {
  const reply = await rig.call('oAlice', { action: 'start' });
  const started = reply as Extract<Replies['start'], { ok: true }>;
  assert.ok(started.ok);
  const { extraData } = started.businessView;
  rig.sandbox.userConfirm({ appid: rig.config.appid, openid: 'oAlice', extraData });
  await rig.sandbox.notificationsSettled();
  return started.out_order_no;
}

function deliver(rig: FunctionRig, event: HttpAccessEvent) {
  return handleNotification(event, {
    config: rig.config,
    store: rig.store,
    now: Date.now,
    log: (line) => rig.logs.push(line),
  });
}

describe('functions/payscoreNotify', () => {
  let rig: FunctionRig;
  afterEach(async () => rig?.close());

  it('applies USER_CONFIRM once; a replayed delivery is acknowledged without effect', async () => {
    rig = await startFunctionRig();
    const no = await confirmedOrder(rig);
    const [event] = rig.notifyEvents;
    assert.equal((await rig.store.get(no))?.status, 'IN_SERVICE');
    const versionBefore = (await rig.store.get(no))?.version;

    const replay = await deliver(rig, event);
    assert.equal(replay.statusCode, 204);
    assert.equal((await rig.store.get(no))?.version, versionBefore);
    assert.match(rig.logs.join('\n'), /seen before, acknowledged without effect/);
  });

  it('rejects a forged body and an unsigned one with a FAIL the sender will retry', async () => {
    rig = await startFunctionRig();
    await confirmedOrder(rig);
    const [event] = rig.notifyEvents;
    const forged = await deliver(rig, { ...event, body: event.body!.replace('"id":"', '"id":"X') });
    assert.equal(forged.statusCode, 401);
    assert.deepEqual(JSON.parse(forged.body), { code: 'FAIL', message: 'signature rejected' });
    const unsigned = await deliver(rig, {
      ...event,
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(unsigned.statusCode, 401);
    const get = await deliver(rig, { ...event, httpMethod: 'GET' });
    assert.equal(get.statusCode, 405);
    const nothing = await deliver(rig, null as unknown as HttpAccessEvent);
    assert.equal(nothing.statusCode, 400);
  });

  it('answers a WECHATPAY/SIGNTEST/ probe with non-2xx and takes the genuine retry', async () => {
    rig = await startFunctionRig();
    rig.sandbox.injectFault({ route: 'notify', kind: 'signtest', count: 1 });
    const no = await confirmedOrder(rig);
    const [note] = rig.sandbox.notifications();
    assert.deepEqual(
      note.attempts.map((a) => a.status),
      [401, 204],
    );
    assert.equal((await rig.store.get(no))?.status, 'IN_SERVICE');
    assert.match(rig.logs.join('\n'), /rejected a WECHATPAY\/SIGNTEST\/ signature probe/);
  });

  it('reads base64 bodies from HTTP access', async () => {
    rig = await startFunctionRig({ base64Bodies: true });
    const no = await confirmedOrder(rig);
    assert.equal(rig.notifyEvents[0].isBase64Encoded, true);
    assert.equal((await rig.store.get(no))?.status, 'IN_SERVICE');
  });

  it('answers 500 while the store is down, and applies the retry', async () => {
    const store = new FlakyStore();
    rig = await startFunctionRig({ store });
    const reply = await rig.call('oAlice', { action: 'start' });
    assert.ok(reply.ok);
    store.failures = 1;
    const { extraData } = reply.businessView;
    rig.sandbox.userConfirm({ appid: rig.config.appid, openid: 'oAlice', extraData });
    await rig.sandbox.notificationsSettled();
    const [note] = rig.sandbox.notifications();
    assert.deepEqual(
      note.attempts.map((a) => a.status),
      [500, 204],
    );
    assert.equal((await store.get(reply.out_order_no))?.status, 'IN_SERVICE');
  });

  it('never moves an order back: a late USER_CONFIRM after USER_PAID changes nothing', async () => {
    rig = await startFunctionRig();
    const no = await confirmedOrder(rig);
    const finished = await rig.call('oAlice', { action: 'finish', out_order_no: no });
    assert.ok(finished.ok);
    rig.sandbox.deduct(no, 'paid');
    await rig.sandbox.notificationsSettled();
    assert.equal((await rig.store.get(no))?.status, 'PAID');

    const confirmEvent = rig.notifyEvents[0];
    const fresh = new MemoryOrderStore();
    const paidRecord = (await rig.store.get(no))!;
    await fresh.insert(paidRecord);
    const late = await handleNotification(confirmEvent, {
      config: rig.config,
      store: fresh,
      now: Date.now,
      log: () => undefined,
    });
    assert.equal(late.statusCode, 204);
    assert.equal((await fresh.get(no))?.status, 'PAID');
  });
});
