/**
 * The public shapes of the mini program harness. They are structural copies of the few WeChat
 * types involved (miniprogram-api-typings cannot be loaded next to @types/node: both declare
 * `require`, `module` and `console`), so values typed with WeChat's own types fit them.
 */
import type { UiState } from './wx-ui';

/** What the user did in the Pay Score mini program. */
export interface PayScoreVisitResult {
  /** A fail of the jump, e.g. 'fail cancel' or 'openBusinessView:fail cancel'. */
  errMsg?: string;
  errCode?: number;
  /** Present when the user tapped Pay Score's return button. */
  queryId?: string;
}

/** One jump into Pay Score, as the harness hands it to `payScore`. */
export interface PayScoreRequest {
  businessType: string;
  extraData: unknown;
  /** The AppID of the mini program making the jump. */
  appId: string;
}

/** The options of App.onLaunch / App.onShow (a subset of WeChat's LaunchShowOption). */
export interface LaunchShowOptions {
  path?: string;
  query?: Record<string, string>;
  scene?: number;
  shareTicket?: string;
  referrerInfo?: { appId?: string; extraData?: unknown };
}

export interface HarnessOptions {
  /** The mini program's own AppID. */
  appid: string;
  /** Runs a cloud function; resolves to what `wx.cloud.callFunction` gives as `result`. */
  callFunction(name: string, data: unknown): Promise<unknown>;
  /** Plays the Pay Score mini program; undefined leaves `wx.openBusinessView` missing. */
  payScore?: (request: PayScoreRequest) => Promise<PayScoreVisitResult>;
  /**
   * Whether `wx.openBusinessView` exists; default: when `payScore` is given. False with a
   * `payScore` plays an old client that can only use `wx.navigateToMiniProgram`.
   */
  openBusinessView?: boolean;
  /** Storage to start from, e.g. a previous run's `mp.storage` to play a restart. */
  storage?: Map<string, unknown>;
  /** Cold start options (App.onLaunch, wx.getEnterOptionsSync); defaults to a plain launch. */
  enterOptions?: LaunchShowOptions;
  /** Replaces exports of miniprogram/config.ts, e.g. `{ CLOUD_ENV_ID: 'local' }`. */
  config?: Record<string, unknown>;
  /** Base library version the client reports; default '3.7.6'. */
  sdkVersion?: string;
  /** Start of the virtual clock, epoch milliseconds; default the real time at load. */
  startTime?: number;
  /** Sees every console call of the mini program code as it happens. */
  onLog?: (entry: LogEntry) => void;
  /** Folder holding app.json; default the repository's miniprogram/. */
  root?: string;
}

/** A page instance as the mini program code sees it through `this`. */
export interface PageInstance {
  route: string;
  options: Record<string, string>;
  data: Record<string, unknown>;
  setData(patch: Record<string, unknown>, callback?: () => void): void;
  [member: string]: unknown;
}

export interface PageHandle {
  readonly route: string;
  readonly query: Record<string, string>;
  /** The page's current data (live). */
  readonly data: Record<string, unknown>;
  readonly instance: PageInstance;
  /** False once the page has been unloaded. */
  readonly alive: boolean;
  /** Calls a page method with `this` bound; returns what it returns. */
  call(method: string, event?: unknown): unknown;
  /** Calls an event handler as a user's tap on an element with this dataset. */
  tap(method: string, dataset?: Record<string, unknown>): unknown;
}

export type NavigationApi = 'navigateTo' | 'redirectTo' | 'navigateBack' | 'reLaunch';

export interface NavigationRecord {
  api: NavigationApi;
  url?: string;
  delta?: number;
  errMsg: string;
}

export interface ToastRecord {
  title: string;
  icon?: string;
}

export interface ModalRecord {
  title?: string;
  content?: string;
  confirm: boolean;
}

export interface CloudCall {
  name: string;
  data: unknown;
}

export interface PayScoreVisitRecord {
  api: 'openBusinessView' | 'navigateToMiniProgram';
  request: PayScoreRequest;
  result?: PayScoreVisitResult;
}

export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  args: unknown[];
}

/** The app instance, as `getApp()` returns it. */
export type AppInstance = Record<string, unknown>;

/** A loaded mini program, as `loadMiniProgram` returns it. */
export interface MiniProgram {
  /** The app instance (`getApp()`). */
  readonly app: AppInstance;
  /** The `wx` stand-in the code runs against. */
  readonly wx: Record<string, unknown>;
  /** Opens a page on top of the stack, like navigateTo; runs onLoad, onShow, onReady. */
  openPage(route: string, query?: Record<string, string>): PageHandle;
  currentPage(): PageHandle | undefined;
  readonly pageStack: PageHandle[];
  readonly navigations: NavigationRecord[];
  readonly toasts: ToastRecord[];
  readonly modals: ModalRecord[];
  /** Everything the interface APIs did, and how modals are answered (`ui.modalConfirm`). */
  readonly ui: UiState;
  /** Every `wx.cloud.callFunction`, data as sent. */
  readonly calls: CloudCall[];
  readonly visits: PayScoreVisitRecord[];
  readonly logs: LogEntry[];
  readonly storage: Map<string, unknown>;
  /** What `wx.cloud.init` received, or undefined if it was never called. */
  readonly cloudInit: Record<string, unknown> | undefined;
  /** Brings the app to the foreground with these options (hiding it first if it is shown). */
  show(options?: LaunchShowOptions): void;
  hide(): void;
  /** `show` as a return from Pay Score: scene 1038, its AppID, this extraData (if any). */
  showFromPayScore(extraData?: Record<string, unknown>): void;
  /** Waits until no call, navigation, jump or handler promise is pending. */
  settle(): Promise<void>;
  /** Moves the virtual clock, running the timers that fall due. */
  advance(ms: number): void;
  /** Timers (intervals included) the code has scheduled and not cleared. */
  readonly pendingTimers: number;
  now(): number;
  /** Unloads every page and drops every timer. */
  unload(): void;
}
