/**
 * The whole confirm-order flow on this machine, driving the real code: the mini program's
 * pages and app.ts (under the harness), the built cloud function bundles, and the local Pay
 * Score sandbox playing WeChat Pay and the user. `npm start` prints it; a test runs it.
 */
import { readFileSync } from 'node:fs';
import type { OrderData } from '../../miniprogram/pages/order/view-model';
import { statusText } from '../../miniprogram/utils/status-text';
import { loadMiniProgram, type MiniProgram, type PageHandle } from '../harness/mini-program';
import { EVENT_USER_CONFIRM, EVENT_USER_PAID, RETURN_SCENE } from '../payscore';
import { startSandbox, type Sandbox } from '../sandbox';
import { loadLocalFunctions, type LocalFunctions } from './cloud-functions';
import { parseEnvFile } from './env-file';
import { startHttpAccess, type HttpAccess } from './http-access';
import { Transcript } from './transcript';

export interface FlowOptions {
  /** Where the sandbox keeps its merchant; default `.sandbox`. */
  stateDir?: string;
  /** False: a throwaway merchant, nothing written. */
  persist?: boolean;
  /** The user's openid under the mini program's AppID. */
  openid?: string;
  print?: (line: string) => void;
}

export interface FlowRun {
  paid: boolean;
  outOrderNo?: string;
  /** The step that failed and why, when the order did not end paid. */
  failure?: string;
  transcript: string[];
  sandbox: Sandbox;
  /** Stops the sandbox and the notify endpoint and restores the environment. */
  close(): Promise<void>;
}

const NOTIFY_PATH = '/payscore/notify';

/** Runs the flow; never throws for a flow failure, which is reported in `failure`. */
export async function runFlow(options: FlowOptions = {}): Promise<FlowRun> {
  const log = new Transcript(options.print ?? (() => undefined));
  const openid = options.openid ?? 'oLOCAL_user_0000000000000000';
  const stages: Partial<{ sandbox: Sandbox; access: HttpAccess; functions: LocalFunctions }> = {};
  const close = async () => {
    stages.functions?.restore();
    await stages.access?.close();
    await stages.sandbox?.close();
  };

  let step = 'starting the sandbox';
  let mp: MiniProgram | undefined;
  // The functions log with console.log, as on CloudBase; here their lines join the transcript.
  const consoleLog = console.log;
  console.log = (...args: unknown[]) => log.detail(`function log: ${args.join(' ')}`);
  try {
    const sandbox = await startSandbox({
      stateDir: options.stateDir,
      persist: options.persist,
      notifyRetryDelaysMs: [200, 500, 1000],
    });
    stages.sandbox = sandbox;
    const reused = sandbox.created.length === 0 ? 'reused' : 'created';
    log.say(`sandbox (WeChat Pay stand-in) on ${sandbox.baseUrl}, merchant ${reused}`);

    step = 'starting the notify endpoint';
    const access = await startHttpAccess({ [NOTIFY_PATH]: (event) => functions.notify(event) });
    stages.access = access;
    // Configured from .sandbox/merchant.env, as a developer would copy it into .env.
    const merchantEnv = sandbox.merchantEnvPath
      ? parseEnvFile(readFileSync(sandbox.merchantEnvPath, 'utf8'))
      : sandbox.merchantEnv;
    const env: Record<string, string> = {
      ...merchantEnv,
      PAYSCORE_NOTIFY_URL: access.baseUrl + NOTIFY_PATH,
    };
    const functions = loadLocalFunctions(env);
    stages.functions = functions;
    log.say(
      `cloud functions payscore + payscoreNotify built; notify_url ${env.PAYSCORE_NOTIFY_URL}`,
    );

    step = 'loading the mini program';
    const appid = env.WECHATPAY_APPID;
    mp = loadMiniProgram({
      appid,
      callFunction: (name, data) => functions.call(name, data, { openid, appid }),
      payScore: async (request) => {
        const back = sandbox.userConfirm({
          appid: request.appId,
          openid,
          extraData: request.extraData,
        });
        log.detail(`user confirms in Pay Score; returns with query_id ${short(back.query_id)}`);
        return { queryId: back.query_id };
      },
    });
    const service = mp.openPage('pages/service/index');
    await mp.settle();
    log.say(`service page: ${String(planText(service))}`);

    step = 'starting the service';
    service.tap('onStartTap');
    await mp.settle();
    const order = currentOrderPage(mp);
    const outOrderNo = String(order.data.outOrderNo);
    log.say(`start → cloud function → create order ${outOrderNo}: ${statusOf(order)}`);

    step = 'confirming in Pay Score';
    order.tap('onConfirmTap');
    await settleAll(mp, sandbox);
    log.say(`PAYSCORE.USER_CONFIRM → payscoreNotify: ${deliveries(sandbox, EVENT_USER_CONFIRM)}`);
    const back = mp.calls.find((c) => JSON.stringify(c.data).includes('query_id'));
    const shown = statusOf(currentOrderPage(mp));
    log.say(`app.ts onShow, scene ${RETURN_SCENE} with query_id → query: ${shown}`);
    if (!back) throw new Error('the return from Pay Score did not query by query_id');
    expectStatus(mp, 'IN_SERVICE');

    step = 'finishing the service';
    currentOrderPage(mp).tap('onFinishTap');
    await mp.settle();
    log.say(`finish → complete: ${statusOf(currentOrderPage(mp))}`);
    expectStatus(mp, 'COLLECTING');

    step = 'collecting the fee';
    sandbox.deduct(outOrderNo, 'paid');
    await settleAll(mp, sandbox);
    const paidDelivery = deliveries(sandbox, EVENT_USER_PAID);
    log.say(`Pay Score deducts; PAYSCORE.USER_PAID → payscoreNotify: ${paidDelivery}`);
    currentOrderPage(mp).tap('onCheckAgainTap');
    await mp.settle();
    log.say(`order page: ${statusOf(currentOrderPage(mp))}`);
    expectStatus(mp, 'PAID');

    return { paid: true, outOrderNo, transcript: log.lines, sandbox, close };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.say(`FAILED while ${step}: ${reason}`);
    const failure = `${step}: ${reason}`;
    return { paid: false, failure, transcript: log.lines, sandbox: stages.sandbox!, close };
  } finally {
    console.log = consoleLog;
    mp?.unload();
  }
}

async function settleAll(mp: MiniProgram, sandbox: Sandbox): Promise<void> {
  await mp.settle();
  await sandbox.notificationsSettled();
  await mp.settle();
}

function currentOrderPage(mp: MiniProgram): PageHandle {
  const page = mp.currentPage();
  if (!page || page.route !== 'pages/order/index') {
    throw new Error(`expected the order page, the current page is ${page?.route ?? 'none'}`);
  }
  return page;
}

function orderOf(page: PageHandle): OrderData | undefined {
  return (page.data.order ?? undefined) as OrderData | undefined;
}

/** The status as the order page shows it, e.g. `PAID 「已支付」 2.00 元`. */
function statusOf(page: PageHandle): string {
  const order = orderOf(page);
  if (!order) return `no order shown (${String(page.data.error || page.data.notice)})`;
  const amount = order.amountText ? ` ${order.amountText}` : '';
  return `${order.status} 「${statusText(order.status).title}」${amount}`;
}

function expectStatus(mp: MiniProgram, status: string): void {
  const page = currentOrderPage(mp);
  if (orderOf(page)?.status !== status) {
    throw new Error(`the order page shows ${statusOf(page)}, expected ${status}`);
  }
}

function planText(page: PageHandle): string {
  const plan = page.data.plan as { serviceIntroduction?: string; feeRule?: string } | null;
  return plan ? `${plan.serviceIntroduction}, ${plan.feeRule}` : String(page.data.error);
}

function deliveries(sandbox: Sandbox, event: string): string {
  const note = sandbox.notifications().find((n) => n.event_type === event);
  if (!note) return 'not sent';
  return note.attempts.map((a) => a.status ?? a.error).join(', ') + ` (${note.state})`;
}

function short(value: string | undefined): string {
  return value ? `${value.slice(0, 12)}…` : '(none)';
}
