/**
 * Runs the real mini program (miniprogram/app.ts and its pages) under Node against a `wx`
 * stand-in, for the tests and for `npm start`. Cloud calls go to the caller's `callFunction`,
 * jumps to Pay Score to its `payScore`; time is virtual; `settle()` waits for pending work.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PAYSCORE_MINI_PROGRAM_APPID, RETURN_SCENE } from '../payscore/constants';
import { createConsole } from './console';
import { ModuleLoader } from './module-loader';
import { PageRegistry } from './page-registry';
import { PageStack } from './pages';
import { Tracker } from './tracker';
import type * as T from './types';
import { VirtualClock } from './virtual-clock';
import { createWx } from './wx-stub';
import { createUiState } from './wx-ui';

export type * from './types';
export type { UiState } from './wx-ui';

const DEFAULT_ROOT = path.resolve(__dirname, '../../miniprogram');

/** Loads a fresh copy of the mini program and runs App.onLaunch and App.onShow. */
export function loadMiniProgram(options: T.HarnessOptions): T.MiniProgram {
  const root = options.root ?? DEFAULT_ROOT;
  const routes = readRoutes(root);
  const tracker = new Tracker();
  const clock = new VirtualClock(options.startTime ?? Date.now());
  const records = { calls: [], visits: [], logs: [], navigations: [] } as {
    calls: T.CloudCall[];
    visits: T.PayScoreVisitRecord[];
    logs: T.LogEntry[];
    navigations: T.NavigationRecord[];
  };
  const ui = createUiState();
  const storage = new Map<string, unknown>(options.storage);
  const console = createConsole(records.logs, options.onLog);
  const app: T.AppInstance = {};
  const registry = new PageRegistry((route) => loader.load(route));
  let tapping = 0;
  let visible = false;

  const invoke = (target: object, method: string, args: unknown[]) =>
    tracker.invoke(target, method, args);
  const asTap = <R>(action: () => R): R => {
    tapping += 1;
    try {
      return action();
    } finally {
      tapping -= 1;
    }
  };
  const pages = new PageStack({
    routes,
    invoke,
    asTap,
    warn: (message) => console.warn(message),
    definition: (route) => registry.definition(route),
  });

  const defaults = { path: routes[0] ?? '', query: {}, scene: 1001, referrerInfo: {} };
  const launchOptions: T.LaunchShowOptions = { ...defaults, ...options.enterOptions };
  let enterOptions = launchOptions;
  const hide = () => {
    if (!visible) return;
    pages.hideTop();
    invoke(app, 'onHide', []);
    visible = false;
  };
  const show = (showOptions: T.LaunchShowOptions = {}) => {
    hide();
    const route = pages.top()?.route ?? launchOptions.path;
    enterOptions = { ...defaults, path: route, ...showOptions };
    visible = true;
    invoke(app, 'onShow', [structuredClone(enterOptions)]);
    pages.showTop();
  };

  const wx = createWx({
    tracker,
    pages,
    navigations: records.navigations,
    ui,
    storage,
    sdkVersion: options.sdkVersion ?? '3.7.6',
    cloud: { calls: records.calls, callFunction: options.callFunction },
    payScore: {
      visits: records.visits,
      appid: options.appid,
      payScore: options.payScore,
      hasOpenBusinessView: options.openBusinessView ?? options.payScore !== undefined,
      inTap: () => tapping > 0,
      leave: hide,
      comeBack: show,
    },
    launchOptions: () => launchOptions,
    enterOptions: () => enterOptions,
  });
  const loader = new ModuleLoader(
    root,
    {
      wx,
      console,
      App: (appOptions: Record<string, unknown>) => Object.assign(app, appOptions),
      Page: registry.Page,
      Component: () => undefined,
      Behavior: (definition: unknown) => definition,
      getApp: () => app,
      getCurrentPages: () => pages.instances,
      setTimeout: clock.setTimeout,
      clearTimeout: clock.clearTimeout,
      setInterval: clock.setInterval,
      clearInterval: clock.clearInterval,
      Date: clock.dateClass(),
    },
    options.config ? { config: options.config } : {},
  );

  loader.load('app');
  if (typeof app.onLaunch !== 'function' && typeof app.onShow !== 'function') {
    throw new Error('app.ts did not call App() with onLaunch/onShow');
  }
  invoke(app, 'onLaunch', [structuredClone(launchOptions)]);
  visible = true;
  invoke(app, 'onShow', [structuredClone(launchOptions)]);

  return {
    app,
    wx,
    ...records,
    ui,
    storage,
    get toasts() {
      return ui.toasts;
    },
    get modals() {
      return ui.modals;
    },
    get cloudInit() {
      return (wx.cloud as { initOptions?: Record<string, unknown> }).initOptions;
    },
    get pageStack() {
      return pages.handles;
    },
    get pendingTimers() {
      return clock.pending;
    },
    openPage: (route, query = {}) => pages.push(route, query),
    currentPage: () => pages.top(),
    show,
    hide,
    showFromPayScore: (extraData) =>
      show({
        scene: RETURN_SCENE,
        referrerInfo: extraData
          ? { appId: PAYSCORE_MINI_PROGRAM_APPID, extraData }
          : { appId: PAYSCORE_MINI_PROGRAM_APPID },
      }),
    settle: () => tracker.settle(),
    advance: (ms) => clock.advance(ms),
    now: () => clock.now(),
    unload: () => {
      pages.unloadAll();
      clock.clearAll();
    },
  };
}

function readRoutes(root: string): string[] {
  const appJson: unknown = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8'));
  const pages = (appJson as { pages?: unknown }).pages;
  if (!Array.isArray(pages)) throw new Error(`${root}/app.json lists no pages`);
  return pages.map(String);
}
