/**
 * The local Pay Score sandbox: a loopback HTTP server that answers like WeChat Pay's APIv3
 * service-order API (WeChat offers no sandbox for Pay Score), plays the user on the confirm
 * page, collects, notifies, and injects faults on request. Sandbox-only routes live under
 * `/sandbox/`; nothing here ever contacts a host other than loopback.
 */
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { CallLog, type CallRecord } from './call-log';
import { deduct, type SandboxContext } from './context';
import { FaultQueue, type FaultSpec } from './faults';
import { generateMerchant, generateWechatpay, merchantEnv, toIdentity } from './merchant/identity';
import { loadOrCreateIdentity, NOTIFY_SINK_PATH, saveIdentity } from './merchant/store';
import { Notifier, type NotificationRecord } from './notify/notifier';
import { NotifySink, type SinkEntry } from './notify/sink';
import type { OrderEntity } from './orders/model';
import { SandboxOrderBook } from './orders/store';
import { orderView } from './orders/views';
import { inspectOrder } from './routes/inspect';
import { found } from './routes/user';
import { createSandboxServer } from './server';
import { TaskSet } from './tasks';
import { decide, openConfirmPage, type UserReturn } from './user/actions';
import { ConfirmPages, type Decision } from './user/confirm-pages';

export type { CallRecord, FaultSpec, NotificationRecord, OrderEntity, SinkEntry, UserReturn };
export { SandboxApiError } from './wire/api-error';

export interface SandboxOptions {
  /** 0 (the default) picks a free port. The sandbox always binds 127.0.0.1. */
  port?: number;
  /** Where merchant.env and wechatpay.json live; default `.sandbox`. */
  stateDir?: string;
  /** Read and write the state directory; default true. False keeps a fresh merchant in memory. */
  persist?: boolean;
  /** Millisecond clock. */
  now?: () => number;
  /** Waits between notification attempts; default [1000, 2000, 5000, 15000, 30000]. */
  notifyRetryDelaysMs?: number[];
  /** How long a receiver may take to answer; default 5000 (WeChat Pay's 5 s). */
  notifyTimeoutMs?: number;
  /** PAYSCORE_NOTIFY_URL of merchant.env; default the sandbox's own sink. */
  notifyUrl?: string;
  /** Collect automatically this long after complete; default off. */
  autoDeductMs?: number;
  /** Most orders kept; the oldest finished ones go first. Default 10000. */
  maxOrders?: number;
}

/** A running sandbox. */
export interface Sandbox {
  readonly baseUrl: string;
  readonly pageUrl: string;
  /** The merchant's configuration, as `loadConfig` of the payment core reads it. */
  readonly merchantEnv: Record<string, string>;
  /** The merchant.env written, when persisting. */
  readonly merchantEnvPath?: string;
  /** What this start had to create ('merchant', 'WeChat Pay key pair'); empty when reused. */
  readonly created: string[];
  /** An order with the sandbox's own knowledge of it (package, query_ids, notifications). */
  order(outOrderNo: string): ReturnType<typeof inspectOrder> | undefined;
  orders(): ReturnType<typeof inspectOrder>[];
  notifications(): NotificationRecord[];
  /** Resolves once no notification delivery is pending or scheduled. */
  notificationsSettled(): Promise<void>;
  sinkEntries(): SinkEntry[];
  calls(): CallRecord[];
  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  /** The user opens the confirm page with `extraData` and decides; throws SandboxApiError. */
  userConfirm(input: {
    appid: string;
    openid: string;
    extraData: unknown;
    decision?: Decision;
  }): UserReturn;
  /** A deduction attempt by Pay Score on a completed order. */
  deduct(outOrderNo: string, outcome: 'paid' | 'unpaid'): OrderEntity;
  /** Stops the server, every connection, timer and delivery. */
  close(): Promise<void>;
}

/** Starts a sandbox on 127.0.0.1. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const now = options.now ?? Date.now;
  const persist = options.persist ?? true;
  const stateDir = resolve(options.stateDir ?? '.sandbox');
  const { identity, created } = persist
    ? loadOrCreateIdentity(stateDir)
    : {
        identity: toIdentity(generateMerchant(), generateWechatpay()),
        created: ['merchant', 'WeChat Pay key pair'],
      };
  const faults = new FaultQueue();
  const ctx: SandboxContext = {
    identity,
    ids: { appid: identity.merchant.appid, serviceId: identity.merchant.serviceId },
    orders: new SandboxOrderBook(now, options.maxOrders),
    faults,
    notifier: new Notifier({
      key: identity.wechatpayKey,
      apiV3Key: identity.merchant.apiV3Key,
      now,
      retryDelaysMs: options.notifyRetryDelaysMs ?? [1000, 2000, 5000, 15000, 30000],
      timeoutMs: options.notifyTimeoutMs ?? 5000,
      faults,
    }),
    sink: new NotifySink(),
    tasks: new TaskSet(),
    calls: new CallLog(),
    pages: new ConfirmPages(),
    now,
    autoDeductMs: options.autoDeductMs,
  };

  const server = createSandboxServer(ctx);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const notifyUrl =
    options.notifyUrl ?? identity.merchant.notifyUrl ?? `${baseUrl}${NOTIFY_SINK_PATH}`;
  const env = merchantEnv(identity, baseUrl, notifyUrl);
  const merchantEnvPath = persist ? saveIdentity(stateDir, identity, env) : undefined;

  return {
    baseUrl,
    pageUrl: `${baseUrl}/`,
    merchantEnv: env,
    merchantEnvPath,
    created,
    order: (outOrderNo) => {
      const record = ctx.orders.get(outOrderNo);
      return record && inspectOrder(ctx, record);
    },
    orders: () => ctx.orders.all().map((record) => inspectOrder(ctx, record)),
    notifications: () => ctx.notifier.list(),
    notificationsSettled: () => ctx.notifier.idle(),
    sinkEntries: () => ctx.sink.list(),
    calls: () => ctx.calls.list(),
    injectFault: (fault) => ctx.faults.add(fault),
    clearFaults: () => ctx.faults.clear(),
    userConfirm: (input) => decide(ctx, openConfirmPage(ctx, input), input.decision ?? 'confirm'),
    deduct: (outOrderNo, outcome) => {
      const record = found(ctx, outOrderNo);
      deduct(ctx, record, outcome);
      return orderView(record);
    },
    close: () =>
      new Promise<void>((done) => {
        ctx.tasks.close();
        ctx.notifier.close();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
