/**
 * Everything one running sandbox holds, passed to the route handlers, and the steps that
 * combine a state change with what WeChat Pay does next (notify, collect).
 */
import type { CallLog } from './call-log';
import type { Clock } from './clock';
import type { FaultQueue } from './faults';
import type { SandboxIdentity } from './merchant/identity';
import type { Notifier } from './notify/notifier';
import type { NotifySink } from './notify/sink';
import type { SandboxOrder } from './orders/model';
import type { SandboxOrderBook } from './orders/store';
import { confirm, deducted, invalidState, isCollecting } from './orders/transitions';
import { orderView } from './orders/views';
import type { ServiceIds } from './rules/common';
import type { TaskSet } from './tasks';
import type { ConfirmPages } from './user/confirm-pages';

export interface SandboxContext {
  identity: SandboxIdentity;
  ids: ServiceIds;
  orders: SandboxOrderBook;
  faults: FaultQueue;
  notifier: Notifier;
  sink: NotifySink;
  tasks: TaskSet;
  calls: CallLog;
  pages: ConfirmPages;
  now: Clock;
  /** Collect automatically this long after complete; undefined leaves it to the tester. */
  autoDeductMs?: number;
}

/** The user confirmed: DOING/USER_CONFIRM and the USER_CONFIRM notification. */
export function userConfirms(ctx: SandboxContext, record: SandboxOrder, openid: string): void {
  const event = confirm(record, openid, ctx.now());
  ctx.notifier.send(event, orderView(record));
}

/**
 * A deduction attempt by Pay Score: 'paid' ends the order (DONE/USER_PAID, USER_PAID
 * notification); 'unpaid' leaves it collecting, as when the user's balance is short.
 */
export function deduct(ctx: SandboxContext, record: SandboxOrder, outcome: 'paid' | 'unpaid') {
  if (!isCollecting(record)) throw invalidState(record, 'deduction');
  record.deductionAttempts += 1;
  if (outcome === 'unpaid') return;
  const event = deducted(record, ctx.now());
  ctx.notifier.send(event, orderView(record));
}

/** After complete: with auto-deduct on, Pay Score collects once the delay has passed. */
export function afterComplete(ctx: SandboxContext, record: SandboxOrder): void {
  if (ctx.autoDeductMs === undefined) return;
  ctx.tasks.later(ctx.autoDeductMs, () => {
    if (isCollecting(record)) deduct(ctx, record, 'paid');
  });
}
