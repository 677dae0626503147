/**
 * F8/F9: the return from Pay Score is caught in App.onShow (and on a cold start), handled once,
 * and always re-reads the order: by query_id when Pay Score gave one, else by out_order_no.
 */
import { strict as assert } from 'node:assert';
import {
  PAYSCORE_MINI_PROGRAM_APPID,
  RETURN_SCENE,
} from '../../miniprogram/utils/payscore-constants';
import { PENDING_JUMP_KEY } from '../../miniprogram/services/return';
import { markPending, queries, shownStatus, startRig } from './support/rig';
import type { Rig } from './support/rig';

const ORDER = 'FAKE-ORDER-0001';

/** A loaded app with an order the user has just confirmed, and a jump pending for it. */
async function returning(): Promise<Rig & { queryId: string }> {
  const rig = startRig();
  rig.cloud.seed({ out_order_no: ORDER });
  const queryId = rig.cloud.confirm(ORDER);
  await rig.mp.settle();
  markPending(rig.mp.storage, ORDER, rig.mp.now());
  return { ...rig, queryId };
}

describe('miniprogram/services/return-flow (App.onShow)', () => {
  it('queries by query_id when Pay Score hands one back, then opens the order', async () => {
    const { mp, queryId } = await returning();

    mp.showFromPayScore({ query_id: queryId });
    await mp.settle();

    assert.deepEqual(queries(mp), [{ action: 'query', query_id: queryId }]);
    assert.equal(mp.currentPage()?.route, 'pages/order/index');
    assert.equal(mp.currentPage()?.data.outOrderNo, ORDER);
    assert.equal(shownStatus(mp), 'IN_SERVICE');
    assert.equal(mp.storage.has(PENDING_JUMP_KEY), false);
  });

  it("shows the order a query_id belongs to, not the pending one's page", async () => {
    const { mp, cloud } = await returning();
    cloud.seed({ out_order_no: 'FAKE-ORDER-0002' });
    const otherQueryId = cloud.confirm('FAKE-ORDER-0002');
    mp.openPage('pages/order/index', { out_order_no: ORDER });
    await mp.settle();

    mp.showFromPayScore({ query_id: otherQueryId });
    await mp.settle();

    assert.equal(mp.currentPage()?.data.outOrderNo, 'FAKE-ORDER-0002');
    assert.equal(shownStatus(mp), 'IN_SERVICE');
  });

  it('F9: queries by the saved out_order_no when the return has no extraData', async () => {
    const { mp } = await returning();

    mp.showFromPayScore();
    await mp.settle();

    assert.deepEqual(queries(mp), [{ action: 'query', out_order_no: ORDER }]);
    assert.equal(shownStatus(mp), 'IN_SERVICE');
  });

  it('F9: queries by out_order_no when extraData is {} or query_id is empty', async () => {
    for (const extraData of [{}, { query_id: '' }, { query_id: 42 }]) {
      const { mp } = await returning();

      mp.showFromPayScore(extraData);
      await mp.settle();

      assert.deepEqual(queries(mp), [{ action: 'query', out_order_no: ORDER }]);
      mp.unload();
    }
  });

  it('falls back to out_order_no when the query by query_id fails', async () => {
    const { mp } = await returning();

    mp.showFromPayScore({ query_id: 'FAKEQ-UNKNOWN' });
    await mp.settle();

    assert.deepEqual(queries(mp), [
      { action: 'query', query_id: 'FAKEQ-UNKNOWN' },
      { action: 'query', out_order_no: ORDER },
    ]);
    assert.equal(shownStatus(mp), 'IN_SERVICE');
  });

  it('ignores 1038 from another AppID, and the Pay Score AppID in another scene', async () => {
    const { mp, queryId } = await returning();

    mp.show({ scene: RETURN_SCENE, referrerInfo: { appId: 'wx1111111111111111' } });
    mp.show({
      scene: 1001,
      referrerInfo: { appId: PAYSCORE_MINI_PROGRAM_APPID, extraData: { query_id: queryId } },
    });
    await mp.settle();

    assert.deepEqual(queries(mp), []);
    assert.equal(mp.storage.has(PENDING_JUMP_KEY), true, 'the jump is still pending');
    assert.deepEqual(mp.navigations, []);
  });

  it('handles a return once although Android repeats scene 1038 on later onShows', async () => {
    const { mp, queryId } = await returning();

    mp.showFromPayScore({ query_id: queryId });
    await mp.settle();
    mp.showFromPayScore({ query_id: queryId });
    mp.showFromPayScore();
    await mp.settle();

    assert.equal(queries(mp).length, 1);
    assert.equal(mp.navigations.length, 1);
  });

  it('does nothing for a return without a pending jump, or with a stale one', async () => {
    const { mp, queryId } = await returning();
    mp.storage.delete(PENDING_JUMP_KEY);
    mp.showFromPayScore({ query_id: queryId });
    markPending(mp.storage, ORDER, mp.now() - 3 * 3600 * 1000);
    mp.showFromPayScore({ query_id: queryId });
    await mp.settle();

    assert.deepEqual(queries(mp), []);
    assert.equal(mp.storage.has(PENDING_JUMP_KEY), false, 'the stale marker is dropped');
  });

  it('refreshes the order page in place when it is already showing that order', async () => {
    const { mp, cloud, queryId } = await returning();
    cloud.update(ORDER, { status: 'WAITING_FOR_USER', confirmedAt: undefined });
    mp.openPage('pages/order/index', { out_order_no: ORDER });
    await mp.settle();
    assert.equal(shownStatus(mp), 'WAITING_FOR_USER');
    cloud.confirm(ORDER);

    mp.showFromPayScore({ query_id: queryId });
    await mp.settle();

    assert.equal(mp.pageStack.length, 1);
    assert.deepEqual(mp.navigations, []);
    assert.equal(shownStatus(mp), 'IN_SERVICE');
    assert.equal(mp.currentPage()?.data.checking, false);
  });

  it('F8: handles a cold start straight back from Pay Score (onLaunch)', async () => {
    const first = startRig();
    first.cloud.seed({ out_order_no: ORDER });
    const queryId = first.cloud.confirm(ORDER);
    markPending(first.mp.storage, ORDER, first.mp.now());
    first.mp.unload();

    const { mp } = startRig({
      cloud: first.cloud,
      storage: first.mp.storage,
      enterOptions: {
        scene: RETURN_SCENE,
        referrerInfo: { appId: PAYSCORE_MINI_PROGRAM_APPID, extraData: { query_id: queryId } },
      },
    });
    await mp.settle();

    assert.deepEqual(queries(mp), [{ action: 'query', query_id: queryId }]);
    assert.equal(mp.navigations[0]?.api, 'reLaunch');
    assert.equal(mp.currentPage()?.data.outOrderNo, ORDER);
    assert.equal(shownStatus(mp), 'IN_SERVICE');
  });
});
