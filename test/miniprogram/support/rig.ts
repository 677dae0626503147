/**
 * A mini program loaded in the harness against the fake cloud function, with a Pay Score
 * player whose behaviour each test picks. Every rig is unloaded after its test.
 */
import { loadMiniProgram } from '../../../src/harness/mini-program';
import type {
  HarnessOptions,
  MiniProgram,
  PayScoreRequest,
  PayScoreVisitResult,
} from '../../../src/harness/mini-program';
import { PENDING_JUMP_KEY } from '../../../miniprogram/services/return';
import { FakeCloud } from './fake-cloud';

export const APPID = 'wx0000000000000000';

/**
 * What the user does in Pay Score: confirm and tap its return button (a query_id comes back),
 * confirm and use the back arrow (nothing comes back), leave without confirming, or a fail.
 */
export type Visit = 'confirm' | 'confirm-back-arrow' | 'leave' | PayScoreVisitResult;

export interface Rig {
  cloud: FakeCloud;
  mp: MiniProgram;
}

const live: MiniProgram[] = [];

afterEach(() => {
  for (const mp of live.splice(0)) mp.unload();
});

/** Loads the mini program; `visit` undefined leaves `wx.openBusinessView` missing (F1). */
export function startRig(
  options: { visit?: Visit; cloud?: FakeCloud } & Partial<HarnessOptions> = {},
): Rig {
  const cloud = options.cloud ?? new FakeCloud();
  const { visit, ...harness } = options;
  const mp = loadMiniProgram({
    appid: APPID,
    callFunction: cloud.callFunction,
    payScore: visit === undefined ? undefined : player(cloud, visit),
    startTime: cloud.now,
    ...harness,
  });
  live.push(mp);
  return { cloud, mp };
}

/** The `query` requests sent so far, in order. */
export function queries(mp: MiniProgram): unknown[] {
  return mp.calls.map((call) => call.data).filter((data) => action(data) === 'query');
}

/** All requests sent so far, by action name. */
export function actions(mp: MiniProgram): string[] {
  return mp.calls.map((call) => action(call.data));
}

/** Stores a pending jump for this order, as the jump code does just before leaving. */
export function markPending(storage: Map<string, unknown>, outOrderNo: string, at: number): void {
  storage.set(PENDING_JUMP_KEY, { out_order_no: outOrderNo, savedAt: at });
}

/** Walks the real flow to the order page of a fresh order, ready for the "去确认" tap. */
export async function startOrder(rig: Rig): Promise<string> {
  await rig.mp.settle();
  rig.mp.openPage('pages/service/index');
  await rig.mp.settle();
  rig.mp.currentPage()?.tap('onStartTap');
  await rig.mp.settle();
  const page = rig.mp.currentPage();
  if (page?.route !== 'pages/order/index') throw new Error('start did not open the order page');
  return String(page.data.outOrderNo);
}

/** Lets pending promise continuations run until `condition` holds (for held calls). */
export async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1000 && !condition(); turn++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (!condition()) throw new Error('until(): the condition never held');
}

/** The status the order page shows. */
export function shownStatus(mp: MiniProgram): unknown {
  const order = mp.currentPage()?.data.order as { status?: unknown } | null | undefined;
  return order?.status;
}

function player(cloud: FakeCloud, visit: Visit) {
  return async (request: PayScoreRequest): Promise<PayScoreVisitResult> => {
    const outOrderNo = cloud.orderNoOfPackage((request.extraData as { package?: unknown }).package);
    if (visit === 'confirm') return { queryId: cloud.confirm(outOrderNo) };
    if (visit === 'confirm-back-arrow') {
      cloud.confirm(outOrderNo);
      return {};
    }
    if (visit === 'leave') return {};
    return visit;
  };
}

function action(data: unknown): string {
  return String((data as { action?: unknown }).action);
}
