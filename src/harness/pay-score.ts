/**
 * WeChat's side of a jump to Pay Score: `wx.openBusinessView` and the legacy
 * `wx.navigateToMiniProgram`. A jump must come from a user's tap; the app goes to the
 * background, the harness's `payScore` plays the user's visit, and the app comes back with
 * scene 1038 from the Pay Score AppID before the jump's own callbacks run.
 */
import {
  BUSINESS_TYPE_USE,
  PAYSCORE_MINI_PROGRAM_APPID,
  PAYSCORE_MINI_PROGRAM_PATH,
  RETURN_SCENE,
} from '../payscore/constants';
import { ApiFailure, asyncApi, failure } from './async-api';
import type { Callbacks } from './async-api';
import type { Tracker } from './tracker';
import type {
  LaunchShowOptions,
  PayScoreRequest,
  PayScoreVisitRecord,
  PayScoreVisitResult,
} from './types';

type JumpApi = PayScoreVisitRecord['api'];

export interface PayScoreDeps {
  tracker: Tracker;
  visits: PayScoreVisitRecord[];
  appid: string;
  payScore?: (request: PayScoreRequest) => Promise<PayScoreVisitResult>;
  /** Whether `wx.openBusinessView` exists at all (base library 2.6.0+, not DevTools). */
  hasOpenBusinessView: boolean;
  /** True while a user's tap is being handled. */
  inTap(): boolean;
  /** The app goes to the background (App.onHide). */
  leave(): void;
  /** The app comes back (App.onShow). */
  comeBack(options: LaunchShowOptions): void;
}

/** Builds the two jump APIs; `openBusinessView` only when the client has it. */
export function createPayScoreApis(deps: PayScoreDeps) {
  const visit = (api: JumpApi, request: PayScoreRequest, option: Callbacks) => {
    const tapped = deps.inTap();
    return asyncApi(deps.tracker, api, option, async () => {
      if (!tapped) throw failure(api, 'can only be invoked by user TAP gesture.');
      const play = deps.payScore;
      if (!play) throw failure(api, 'no Pay Score player was given to the harness');
      const record: PayScoreVisitRecord = { api, request };
      deps.visits.push(record);

      deps.leave();
      const result = await playSafely(play, request);
      record.result = result;
      const extraData = result.queryId ? { query_id: result.queryId } : undefined;
      deps.comeBack({
        scene: RETURN_SCENE,
        referrerInfo: { appId: PAYSCORE_MINI_PROGRAM_APPID, extraData },
      });
      if (result.errMsg) throw new ApiFailure(withApi(api, result.errMsg), result.errCode);
      return {};
    });
  };

  const openBusinessView = (
    option: Callbacks & { businessType: string; extraData?: unknown; envVersion?: string },
  ) => {
    const request = { businessType: option.businessType, extraData: json(option.extraData) };
    return visit('openBusinessView', { ...request, appId: deps.appid }, option);
  };

  const navigateToMiniProgram = (
    option: Callbacks & { appId: string; path?: string; extraData?: unknown },
  ) => {
    const path = (option.path ?? '').split('?')[0].replace(/^\//, '');
    if (option.appId !== PAYSCORE_MINI_PROGRAM_APPID || path !== PAYSCORE_MINI_PROGRAM_PATH) {
      const reason = `the harness only plays ${PAYSCORE_MINI_PROGRAM_APPID}/${PAYSCORE_MINI_PROGRAM_PATH}`;
      return asyncApi(deps.tracker, 'navigateToMiniProgram', option, () => {
        throw failure('navigateToMiniProgram', reason);
      });
    }
    const request = { businessType: BUSINESS_TYPE_USE, extraData: json(option.extraData) };
    return visit('navigateToMiniProgram', { ...request, appId: deps.appid }, option);
  };

  return deps.hasOpenBusinessView
    ? { openBusinessView, navigateToMiniProgram }
    : { navigateToMiniProgram };
}

async function playSafely(
  play: (request: PayScoreRequest) => Promise<PayScoreVisitResult>,
  request: PayScoreRequest,
): Promise<PayScoreVisitResult> {
  try {
    return await play(request);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { errMsg: `fail ${message}`, errCode: -1 };
  }
}

/** 'fail cancel' or 'openBusinessView:fail cancel' → '<api>:fail cancel'. */
function withApi(api: JumpApi, errMsg: string): string {
  return `${api}:${errMsg.replace(/^[A-Za-z.]+:/, '')}`;
}

function json(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
