import { loadConfig, type PayScoreConfig } from '../../payscore/config';
import { CloudBaseOrderStore, type CloudDatabase } from './store/cloudbase-store';
import { MemoryOrderStore } from './store/memory-store';
import type { OrderStore } from './store/order-store';

/** What a function instance builds once per cold start from its environment. */
export interface Runtime {
  config: PayScoreConfig;
  store: OrderStore;
}

/** What the platform supplies: the caller and the database (wx-server-sdk when deployed). */
export interface Platform {
  openid(): string | undefined;
  database(): CloudDatabase;
}

/**
 * `PAYSCORE_LOCAL_STORE=memory` keeps orders in this Node process instead of the CloudBase
 * database: for the sandbox, `npm start` and tests, where both functions run in one process
 * and must share it. Deployed functions must leave it unset.
 */
export const LOCAL_STORE_VARIABLE = 'PAYSCORE_LOCAL_STORE';
const SHARED_MEMORY_STORE = Symbol.for('payscore-starter.memory-store');

/**
 * Reads the configuration and opens the store; throws ConfigError. The API client is left to
 * the function that calls WeChat Pay, so the notify function does not load it.
 */
export function loadRuntime(platform: Platform, env = process.env): Runtime {
  const config = loadConfig(env);
  const store = env[LOCAL_STORE_VARIABLE] === 'memory' ? sharedMemoryStore() : undefined;
  return { config, store: store ?? new CloudBaseOrderStore(platform.database()) };
}

function sharedMemoryStore(): OrderStore {
  const holder = globalThis as { [SHARED_MEMORY_STORE]?: OrderStore };
  holder[SHARED_MEMORY_STORE] ??= new MemoryOrderStore();
  return holder[SHARED_MEMORY_STORE];
}
