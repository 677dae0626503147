/**
 * `wx.cloud`: `init` and `callFunction`, handing each call to the harness's `callFunction`.
 * Data and result travel as JSON, as they do between the phone and CloudBase.
 */
import { asyncApi, failure } from './async-api';
import type { Callbacks } from './async-api';
import type { Tracker } from './tracker';
import type { CloudCall } from './types';

export interface CloudDeps {
  tracker: Tracker;
  calls: CloudCall[];
  callFunction(name: string, data: unknown): Promise<unknown>;
}

/** Builds the `wx.cloud` object. */
export function createCloud(deps: CloudDeps) {
  let initialised = false;
  let requestId = 0;
  const cloud = {
    /** The last options given to `wx.cloud.init`, or undefined before it ran. */
    initOptions: undefined as Record<string, unknown> | undefined,

    init(options: Record<string, unknown> = {}) {
      initialised = true;
      cloud.initOptions = { ...options };
    },

    callFunction(option: Callbacks & { name: string; data?: unknown }) {
      return asyncApi(deps.tracker, 'cloud.callFunction', option, async () => {
        if (!initialised) throw failure('cloud.callFunction', 'call wx.cloud.init() first');
        const data = json(option.data ?? {});
        deps.calls.push({ name: option.name, data });
        let result: unknown;
        try {
          result = await deps.callFunction(option.name, json(data));
        } catch (error) {
          const { message, errCode } = describe(error);
          throw failure('cloud.callFunction', message, errCode ?? -1);
        }
        requestId += 1;
        return {
          result: result === undefined ? undefined : json(result),
          requestID: `r${requestId}`,
        };
      });
    },
  };
  return cloud;
}

function json(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

function describe(error: unknown): { message: string; errCode?: number } {
  if (error && typeof error === 'object') {
    const { message, errCode } = error as { message?: unknown; errCode?: unknown };
    return {
      message: typeof message === 'string' ? message : String(error),
      errCode: typeof errCode === 'number' ? errCode : undefined,
    };
  }
  return { message: String(error) };
}
