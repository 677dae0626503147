/**
 * The calling convention of WeChat's asynchronous APIs: with success/fail/complete callbacks
 * the result goes to them; without any, the API returns a promise. Results always arrive
 * asynchronously, and every call is tracked so `settle()` waits for it.
 */
import type { Tracker } from './tracker';

export interface Callbacks {
  success?: (result: never) => void;
  fail?: (error: never) => void;
  complete?: (result: never) => void;
}

/** A WeChat `fail` result: `{ errMsg: 'api:fail reason' }`. */
export class ApiFailure extends Error {
  constructor(
    readonly errMsg: string,
    readonly errCode?: number,
  ) {
    super(errMsg);
  }
}

/** The fail result of `api` for this reason. */
export function failure(api: string, reason: string, errCode?: number): ApiFailure {
  return new ApiFailure(`${api}:fail ${reason}`, errCode);
}

/** Runs `work` as the API `api` and delivers its result the WeChat way. */
export function asyncApi<T extends object>(
  tracker: Tracker,
  api: string,
  option: Callbacks | undefined,
  work: () => T | Promise<T>,
): Promise<T & { errMsg: string }> | undefined {
  const result = Promise.resolve()
    .then(work)
    .then(
      (value) => ({ errMsg: `${api}:ok`, ...value }),
      (error: unknown) => {
        throw asFailure(api, error);
      },
    );
  const { success, fail, complete } = (option ?? {}) as {
    success?: (result: unknown) => void;
    fail?: (error: unknown) => void;
    complete?: (result: unknown) => void;
  };
  if (!success && !fail && !complete) return tracker.track(result);

  const delivered = result.then(
    (value) => {
      success?.(value);
      complete?.(value);
    },
    (error: ApiFailure) => {
      const reply =
        error.errCode === undefined
          ? { errMsg: error.errMsg }
          : { errMsg: error.errMsg, errCode: error.errCode };
      fail?.(reply);
      complete?.(reply);
    },
  );
  tracker.trackWork(delivered);
  return undefined;
}

function asFailure(api: string, error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error;
  return failure(api, error instanceof Error ? error.message : String(error));
}
