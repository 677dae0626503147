/**
 * A stand-in for `wx-server-sdk` with only what the bundles touch, so a cold start can be
 * measured without the SDK's own load time. getWXContext reads WX_CONTEXT_KEYS as the SDK does.
 */

/** The symbol the real SDK exports for "the environment this function runs in". */
export const DYNAMIC_CURRENT_ENV = Symbol('DYNAMIC_CURRENT_ENV');

/** Accepts the options and does nothing, like init() without a network. */
export function init(options?: object): void {
  void options;
}

/** The caller's context from `WX_CONTEXT_KEYS`, e.g. WX_OPENID → OPENID. */
export function getWXContext(): Record<string, string | undefined> {
  const context: Record<string, string | undefined> = {};
  for (const key of (process.env.WX_CONTEXT_KEYS ?? '').split(',')) {
    if (key) context[key.startsWith('WX_') ? key.slice(3) : key] = process.env[key];
  }
  return context;
}

/** The benchmark runs with PAYSCORE_LOCAL_STORE=memory: reaching the database is a bug. */
export function database(): never {
  throw new Error('wx-server-sdk stub: no database in the benchmark');
}
