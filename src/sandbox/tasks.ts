/**
 * Timers and in-flight work the sandbox owns, so that `close()` can stop all of it at once and
 * tests can wait until nothing is left to do.
 */
export class TaskSet {
  closed = false;
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private readonly controllers = new Set<AbortController>();
  private pending = 0;
  private waiters: (() => void)[] = [];

  /** Runs `task` after `ms`; errors are swallowed since a task records its own outcome. */
  later(ms: number, task: () => unknown): void {
    if (this.closed) return;
    this.pending += 1;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      Promise.resolve()
        .then(task)
        .catch(() => undefined)
        .finally(() => this.done());
    }, ms);
    this.timers.set(timer, () => this.done());
  }

  /** Waits `ms`, or less if the set is closed meanwhile. */
  sleep(ms: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.set(timer, resolve);
    });
  }

  /** Runs work that `close()` may abort through the signal. */
  async run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.controllers.add(controller);
    try {
      return await work(controller.signal);
    } finally {
      this.controllers.delete(controller);
    }
  }

  /** Resolves once no scheduled task is left. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Cancels every timer, aborts in-flight work and releases whoever waits. */
  close(): void {
    this.closed = true;
    for (const [timer, release] of this.timers) {
      clearTimeout(timer);
      release();
    }
    this.timers.clear();
    for (const controller of this.controllers) controller.abort();
  }

  private done(): void {
    this.pending = Math.max(0, this.pending - 1);
    if (this.pending > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
