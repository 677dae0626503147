/**
 * The `wx` object the mini program code runs against, assembled from the API groups, plus the
 * navigation, launch-option and system-information APIs.
 */
import { ApiFailure, asyncApi } from './async-api';
import type { Callbacks } from './async-api';
import type { PageStack } from './pages';
import { createPayScoreApis } from './pay-score';
import type { PayScoreDeps } from './pay-score';
import type { Tracker } from './tracker';
import type { LaunchShowOptions, NavigationApi, NavigationRecord } from './types';
import { createCloud } from './wx-cloud';
import type { CloudDeps } from './wx-cloud';
import { createStorageApis } from './wx-storage';
import { createUiApis } from './wx-ui';
import type { UiState } from './wx-ui';

export interface WxDeps {
  tracker: Tracker;
  pages: PageStack;
  navigations: NavigationRecord[];
  ui: UiState;
  storage: Map<string, unknown>;
  cloud: Omit<CloudDeps, 'tracker'>;
  payScore: Omit<PayScoreDeps, 'tracker'>;
  sdkVersion: string;
  launchOptions(): LaunchShowOptions;
  enterOptions(): LaunchShowOptions;
}

/** Builds the `wx` stand-in. */
export function createWx(deps: WxDeps) {
  const { tracker } = deps;
  const navigation = (api: NavigationApi) => (option: NavigationOption) => {
    const entry: NavigationRecord = { api, url: option.url, delta: option.delta, errMsg: '' };
    deps.navigations.push(entry);
    return asyncApi(tracker, api, option, () => {
      try {
        deps.pages.navigate(api, option.url, option.delta);
        entry.errMsg = `${api}:ok`;
        return {};
      } catch (error) {
        entry.errMsg = error instanceof ApiFailure ? error.errMsg : String(error);
        throw error;
      }
    });
  };
  const systemInfo = () => ({
    SDKVersion: deps.sdkVersion,
    version: '8.0.50',
    platform: 'android',
    language: 'zh_CN',
  });

  const wx: Record<string, unknown> = {
    cloud: createCloud({ tracker, ...deps.cloud }),
    ...createUiApis(tracker, deps.ui),
    ...createStorageApis(deps.storage),
    ...createPayScoreApis({ tracker, ...deps.payScore }),
    navigateTo: navigation('navigateTo'),
    redirectTo: navigation('redirectTo'),
    reLaunch: navigation('reLaunch'),
    navigateBack: (option: NavigationOption = {}) => navigation('navigateBack')(option),
    getLaunchOptionsSync: () => structuredClone(deps.launchOptions()),
    getEnterOptionsSync: () => structuredClone(deps.enterOptions()),
    getAppBaseInfo: systemInfo,
    getSystemInfoSync: systemInfo,
    canIUse: (schema: string) => typeof wx[schema.split('.')[0]] !== 'undefined',
  };
  return wx;
}

type NavigationOption = Callbacks & { url?: string; delta?: number };
