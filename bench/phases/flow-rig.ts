/**
 * The two cloud functions' real handlers wired to a fresh sandbox on loopback, as `npm start`
 * runs them: `payscore` actions called directly, notifications reaching `payscoreNotify`
 * through the HTTP access stand-in. One whole Pay Score flow, checked at every step.
 */
import type { Replies, Request } from '../../miniprogram/services/contract';
import { handleNotification } from '../../src/functions/lib/notify';
import { handleCall } from '../../src/functions/lib/order-function';
import { MemoryOrderStore } from '../../src/functions/lib/store/memory-store';
import { startHttpAccess } from '../../src/local/http-access';
import { PayScoreClient, loadConfig, type PayScoreConfig } from '../../src/payscore';
import { startSandbox } from '../../src/sandbox';

export interface FlowRig {
  /** Runs start → confirm → USER_CONFIRM → query → finish → deduct → USER_PAID → query. */
  flow(openid: string): Promise<void>;
  /** How many lines the handlers logged, and the first lines that were not routine. */
  logLines(): number;
  unexpectedLogs: string[];
  close(): Promise<void>;
}

type Ok<A extends keyof Replies> = Extract<Replies[A], { ok: true }>;

/** Starts the sandbox and the HTTP access stand-in, both on 127.0.0.1. */
export async function startFlowRig(): Promise<FlowRig> {
  // payscoreNotify logs one routine line per notification; anything else is worth reading.
  const routine = /^\[payscore\] \[notify\] PAYSCORE\.USER_(CONFIRM|PAID):\S+ \S+: order now \w+$/;
  const unexpectedLogs: string[] = [];
  let lines = 0;
  const log = (line: string) => {
    lines++;
    if (!routine.test(line) && unexpectedLogs.length < 20) unexpectedLogs.push(line);
  };
  const store = new MemoryOrderStore();
  let config: PayScoreConfig | undefined;
  const access = await startHttpAccess({
    '/payscore/notify': (event) => {
      if (!config) throw new Error('notification before configuration');
      return handleNotification(event, { config, store, now: Date.now, log });
    },
  });
  const sandbox = await startSandbox({ persist: false, notifyRetryDelaysMs: [20, 40, 80] });
  config = loadConfig({
    ...sandbox.merchantEnv,
    PAYSCORE_NOTIFY_URL: `${access.baseUrl}/payscore/notify`,
  });
  const deps = { client: new PayScoreClient(config), store, now: Date.now, log };
  const appid = config.appid;

  async function call<A extends Request['action']>(
    openid: string,
    request: Extract<Request, { action: A }>,
  ): Promise<Ok<A>> {
    const reply = await handleCall(request, openid, deps);
    if (!reply.ok) throw new Error(`${request.action} failed: ${JSON.stringify(reply)}`);
    return reply as Ok<A>;
  }
  const expect = (step: string, status: string, wanted: string) => {
    if (status !== wanted) throw new Error(`${step}: status ${status}, expected ${wanted}`);
  };

  return {
    logLines: () => lines,
    unexpectedLogs,
    async flow(openid) {
      const started = await call<'start'>(openid, { action: 'start' });
      const no = started.out_order_no;
      const { extraData } = started.businessView;
      const back = sandbox.userConfirm({ appid, openid, extraData });
      await sandbox.notificationsSettled();
      const confirmed = await call<'query'>(openid, { action: 'query', query_id: back.query_id! });
      expect('after USER_CONFIRM', confirmed.order.status, 'IN_SERVICE');
      const finished = await call<'finish'>(openid, { action: 'finish', out_order_no: no });
      expect('after finish', finished.order.status, 'COLLECTING');
      sandbox.deduct(no, 'paid');
      await sandbox.notificationsSettled();
      const paid = await call<'query'>(openid, { action: 'query', out_order_no: no });
      expect('after USER_PAID', paid.order.status, 'PAID');
    },
    close: async () => {
      await sandbox.close();
      await access.close();
    },
  };
}
