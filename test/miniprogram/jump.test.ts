/**
 * F1/F2/F3/F7: the jump to Pay Score. Whatever the jump reports, the page shows only what the
 * server says; a failure becomes a Chinese message with the raw errMsg logged.
 */
import { strict as assert } from 'node:assert';
import {
  JUMP_MESSAGES,
  UNSUPPORTED_MESSAGE,
  classifyJumpFailure,
} from '../../miniprogram/services/jump-errors';
import { PENDING_JUMP_KEY } from '../../miniprogram/services/return';
import {
  BUSINESS_TYPE_USE,
  PAYSCORE_MINI_PROGRAM_APPID,
} from '../../miniprogram/utils/payscore-constants';
import { extraDataFor } from './support/fake-cloud';
import { actions, APPID, queries, shownStatus, startOrder, startRig, until } from './support/rig';

const FAILURES: [string, number, string][] = [
  ['openBusinessView:fail cancel', -3, JUMP_MESSAGES.cancelled],
  ['openBusinessView:fail request CGI error', -2, JUMP_MESSAGES.rejected],
  ['openBusinessView:fail CGI error', -2, JUMP_MESSAGES.rejected],
  ['openBusinessView:fail system error', -1, JUMP_MESSAGES.rejected],
  ['openBusinessView:fail another navigation is in progress', -1, JUMP_MESSAGES['navigation-busy']],
  ['openBusinessView:fail invalid businessType', -4, JUMP_MESSAGES['invalid-business-type']],
  ['openBusinessView:permission denied', -1, JUMP_MESSAGES['permission-denied']],
  ['openBusinessView:fail something new', -99, JUMP_MESSAGES.unknown],
];

describe('miniprogram/services/jump (the jump to Pay Score)', () => {
  it('opens wxpayScoreUse with the signed extraData from start, from the tap', async () => {
    const rig = startRig({ visit: 'confirm' });
    const outOrderNo = await startOrder(rig);

    rig.mp.currentPage()?.tap('onConfirmTap');
    await rig.mp.settle();

    assert.equal(rig.mp.visits.length, 1);
    assert.deepEqual(rig.mp.visits[0].request, {
      businessType: BUSINESS_TYPE_USE,
      extraData: extraDataFor(`PKG-${outOrderNo}`),
      appId: APPID,
    });
    assert.equal(shownStatus(rig.mp), 'IN_SERVICE');
    assert.equal(rig.mp.currentPage()?.data.canFinish, true);
  });

  it('F3: shows nothing confirmed until the server answers the re-read', async () => {
    const rig = startRig({ visit: 'confirm' });
    await startOrder(rig);
    const release = rig.cloud.holdNext('query');

    rig.mp.currentPage()?.tap('onConfirmTap');
    await until(() => rig.mp.visits[0]?.result !== undefined && queries(rig.mp).length === 1);

    const page = rig.mp.currentPage();
    assert.equal(shownStatus(rig.mp), 'WAITING_FOR_USER');
    assert.equal(page?.data.checking, true);
    assert.equal(page?.data.canFinish, false);
    release();
    await rig.mp.settle();
    assert.equal(shownStatus(rig.mp), 'IN_SERVICE');
    assert.equal(page?.data.checking, false);
  });

  it('F3: a success without confirmation leaves the order waiting, as re-read', async () => {
    const rig = startRig({ visit: 'leave' });
    const outOrderNo = await startOrder(rig);

    rig.mp.currentPage()?.tap('onConfirmTap');
    await rig.mp.settle();

    assert.equal(rig.mp.visits[0].result?.errMsg, undefined, 'the jump succeeded');
    assert.deepEqual(queries(rig.mp), [{ action: 'query', out_order_no: outOrderNo }]);
    const page = rig.mp.currentPage();
    assert.equal(shownStatus(rig.mp), 'WAITING_FOR_USER');
    assert.equal(page?.data.canFinish, false);
    assert.equal(page?.data.checking, false);
    assert.equal(page?.data.canConfirm, false, 'the package is single-use');
    assert.equal(page?.data.staleWaiting, true);
  });

  it('F3: the back arrow after confirming still finds the order in service', async () => {
    const rig = startRig({ visit: 'confirm-back-arrow' });
    const outOrderNo = await startOrder(rig);

    rig.mp.currentPage()?.tap('onConfirmTap');
    await rig.mp.settle();

    assert.deepEqual(queries(rig.mp), [{ action: 'query', out_order_no: outOrderNo }]);
    assert.equal(shownStatus(rig.mp), 'IN_SERVICE');
  });

  for (const [errMsg, errCode, message] of FAILURES) {
    it(`F2: "${errMsg}" → "${message}", status unchanged and re-read`, async () => {
      const rig = startRig({ visit: { errMsg, errCode } });
      const outOrderNo = await startOrder(rig);
      const statusesSeen: unknown[] = [];

      rig.mp.currentPage()?.tap('onConfirmTap');
      statusesSeen.push(shownStatus(rig.mp));
      await rig.mp.settle();
      statusesSeen.push(shownStatus(rig.mp));

      const page = rig.mp.currentPage();
      assert.equal(page?.data.notice, message);
      assert.deepEqual(statusesSeen, ['WAITING_FOR_USER', 'WAITING_FOR_USER']);
      assert.equal(page?.data.canFinish, false);
      assert.deepEqual(queries(rig.mp), [{ action: 'query', out_order_no: outOrderNo }]);
      const logged = rig.mp.logs.find((entry) => entry.args.includes(errMsg));
      assert.ok(logged, 'the raw errMsg is logged');
      assert.ok(logged.args.includes(errCode), 'with its errCode');
    });
  }

  it('F2: classifies errMsgs whatever the API prefix and letter case', () => {
    assert.equal(classifyJumpFailure({ errMsg: 'navigateToMiniProgram:fail cancel' }), 'cancelled');
    assert.equal(
      classifyJumpFailure({ errMsg: 'openBusinessView:fail Request CGI Error' }),
      'rejected',
    );
    assert.equal(classifyJumpFailure({ errMsg: 'fail system error' }), 'rejected');
    assert.equal(classifyJumpFailure({ errMsg: '' }), 'unknown');
  });

  it('F1: without wx.openBusinessView, says so and changes nothing', async () => {
    const rig = startRig();
    await startOrder(rig);
    const before = actions(rig.mp).length;

    rig.mp.currentPage()?.tap('onConfirmTap');
    await rig.mp.settle();

    const page = rig.mp.currentPage();
    assert.equal(page?.data.notice, UNSUPPORTED_MESSAGE);
    assert.equal(shownStatus(rig.mp), 'WAITING_FOR_USER');
    assert.equal(page?.data.canConfirm, true, 'the unused package is kept');
    assert.equal(page?.data.checking, false);
    assert.equal(rig.mp.visits.length, 0);
    assert.equal(rig.mp.storage.has(PENDING_JUMP_KEY), false);
    assert.equal(actions(rig.mp).length, before, 'no call was made');
  });

  it('F7: never uses navigateToMiniProgram unless the project opts in', async () => {
    const rig = startRig({ visit: 'confirm', openBusinessView: false });
    await startOrder(rig);

    rig.mp.currentPage()?.tap('onConfirmTap');
    await rig.mp.settle();

    assert.equal(rig.mp.visits.length, 0);
    assert.equal(rig.mp.currentPage()?.data.notice, UNSUPPORTED_MESSAGE);
  });

  it('F7: with the opt-in, an old client jumps with navigateToMiniProgram', async () => {
    const rig = startRig({
      visit: 'confirm',
      openBusinessView: false,
      config: { ENABLE_NAVIGATE_TO_MINI_PROGRAM: true },
    });
    await startOrder(rig);

    rig.mp.currentPage()?.tap('onConfirmTap');
    await rig.mp.settle();

    assert.equal(rig.mp.visits[0]?.api, 'navigateToMiniProgram');
    assert.equal(shownStatus(rig.mp), 'IN_SERVICE');
  });

  it('F4/F5: refuses an extraData Pay Score would reject, without jumping', async () => {
    const rig = startRig({ visit: 'confirm' });
    const bad = { ...extraDataFor('PKG-FAKE-ORDER-0001'), sign: 'a'.repeat(32) };
    rig.cloud.replyNext('start', {
      ...((await rig.cloud.callFunction('payscore', { action: 'start' })) as object),
      businessView: { businessType: BUSINESS_TYPE_USE, extraData: bad },
    });
    await startOrder(rig);

    rig.mp.currentPage()?.tap('onConfirmTap');
    await rig.mp.settle();

    assert.equal(rig.mp.visits.length, 0);
    assert.match(String(rig.mp.currentPage()?.data.notice), /签名/);
    assert.ok(rig.mp.logs.some((entry) => entry.level === 'error'));
  });

  it('makes the jump within the tap: the harness refuses it from anywhere else', async () => {
    const rig = startRig({ visit: 'confirm' });
    await startOrder(rig);

    rig.mp.currentPage()?.call('onConfirmTap');
    await rig.mp.settle();

    assert.equal(rig.mp.visits.length, 0);
    assert.equal(shownStatus(rig.mp), 'WAITING_FOR_USER');
    assert.ok(rig.mp.logs.some((entry) => entry.args.some((a) => /TAP gesture/.test(String(a)))));
  });

  it('returns to the app with the Pay Score AppID', async () => {
    const rig = startRig({ visit: 'confirm' });
    await startOrder(rig);
    const shows: unknown[] = [];
    const onShow = rig.mp.app.onShow as (options: unknown) => void;
    rig.mp.app.onShow = (options: unknown) => {
      shows.push(options);
      onShow.call(rig.mp.app, options);
    };

    rig.mp.currentPage()?.tap('onConfirmTap');
    await rig.mp.settle();

    const referrer = (shows[0] as { referrerInfo?: { appId?: string } }).referrerInfo;
    assert.equal(referrer?.appId, PAYSCORE_MINI_PROGRAM_APPID);
  });
});
