import type { Replies, Request } from '../../miniprogram/services/contract';
import type { ActionDeps } from '../../src/functions/lib/actions';
import { handleCall } from '../../src/functions/lib/order-function';
import { handleNotification, type HttpAccessEvent } from '../../src/functions/lib/notify';
import { MemoryOrderStore } from '../../src/functions/lib/store/memory-store';
import type { OrderStore } from '../../src/functions/lib/store/order-store';
import { startHttpAccess, type HttpAccess } from '../../src/local/http-access';
import {
  PayScoreClient,
  loadConfig,
  type ClientOptions,
  type PayScoreConfig,
} from '../../src/payscore';
import { startSandbox, type Sandbox } from '../../src/sandbox';

/**
 * The cloud functions' real handlers wired to a sandbox on loopback: the `payscore` actions
 * called directly, notifications reaching `payscoreNotify` through the HTTP access stand-in.
 */
export interface FunctionRig {
  sandbox: Sandbox;
  access: HttpAccess;
  config: PayScoreConfig;
  store: OrderStore;
  deps: ActionDeps;
  logs: string[];
  /** Every event the notify function received, as HTTP access built it. */
  notifyEvents: HttpAccessEvent[];
  /** Calls the `payscore` function as user `openid` (undefined: no user in the context). */
  call<A extends Request['action']>(
    openid: string | undefined,
    request: Extract<Request, { action: A }>,
  ): Promise<Replies[A]>;
  close(): Promise<void>;
}

export async function startFunctionRig(
  options: { store?: OrderStore; client?: ClientOptions; base64Bodies?: boolean } = {},
): Promise<FunctionRig> {
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  const store = options.store ?? new MemoryOrderStore();
  const notifyEvents: HttpAccessEvent[] = [];
  let config: PayScoreConfig | undefined;

  const access = await startHttpAccess(
    {
      '/payscore/notify': (event) => {
        notifyEvents.push(event);
        return handleNotification(event, { config: config!, store, now: Date.now, log });
      },
    },
    { base64Bodies: options.base64Bodies },
  );
  const sandbox = await startSandbox({ persist: false, notifyRetryDelaysMs: [20, 40, 80] });
  config = loadConfig({
    ...sandbox.merchantEnv,
    PAYSCORE_NOTIFY_URL: `${access.baseUrl}/payscore/notify`,
  });
  const client = new PayScoreClient(config, { backoffMs: 10, timeoutMs: 2000, ...options.client });
  const deps: ActionDeps = { client, store, now: Date.now, log };

  return {
    sandbox,
    access,
    config,
    store,
    deps,
    logs,
    notifyEvents,
    call: (openid, request) => handleCall(request, openid, deps) as never,
    close: async () => {
      await sandbox.close();
      await access.close();
    },
  };
}
