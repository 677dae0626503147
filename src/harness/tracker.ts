/**
 * Knows what the mini program is still waiting for: cloud calls, navigations, Pay Score
 * visits, and the promises its handlers return. `settle()` waits until none is left, so tests
 * wait for the work itself instead of for a guessed amount of time.
 */

const MAX_ROUNDS = 10_000;

export class Tracker {
  private readonly inflight = new Set<Promise<void>>();
  private readonly failures: unknown[] = [];

  /** Waits for this promise in `settle()`; its rejection is someone else's to handle. */
  track<T>(promise: Promise<T>): Promise<T> {
    this.watch(promise, false);
    return promise;
  }

  /** Like `track`, but a rejection is a bug in the mini program: `settle()` rethrows it. */
  trackWork(promise: PromiseLike<unknown>): void {
    this.watch(Promise.resolve(promise), true);
  }

  /** Records an error thrown by mini program code; `settle()` rethrows it. */
  fail(error: unknown): void {
    this.failures.push(error);
  }

  /**
   * Calls `target[method]` the way WeChat calls lifecycles and handlers: a returned promise is
   * tracked as work, and a thrown error is kept for `settle()` instead of breaking the caller.
   */
  invoke(target: object, method: string, args: unknown[]): unknown {
    const fn = (target as Record<string, unknown>)[method];
    if (typeof fn !== 'function') return undefined;
    try {
      const result: unknown = fn.apply(target, args);
      if (isThenable(result)) this.trackWork(result);
      return result;
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }

  /** Resolves once nothing is in flight; throws the first failure of tracked work. */
  async settle(): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      // One macrotask turn lets every pending microtask (promise continuation) run first.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.inflight.size === 0) {
        const failure = this.failures.shift();
        if (failure !== undefined) throw failure;
        return;
      }
      await Promise.all([...this.inflight]);
    }
    throw new Error(`settle(): still busy after ${MAX_ROUNDS} rounds`);
  }

  private watch(promise: Promise<unknown>, failuresAreBugs: boolean): void {
    const watcher: Promise<void> = promise
      .then(
        () => undefined,
        (error: unknown) => {
          if (failuresAreBugs) this.failures.push(error);
        },
      )
      .finally(() => this.inflight.delete(watcher));
    this.inflight.add(watcher);
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
