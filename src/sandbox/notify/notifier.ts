/**
 * Sends Pay Score notifications the way WeChat Pay does: signed, to the order's notify_url,
 * retried with backoff until a 2xx answer, every attempt recorded. Only loopback receivers are
 * ever contacted (see ./deliver).
 */
import { SIGNATURE_SCHEME } from '../../payscore/constants';
import type { FaultQueue, FaultKind } from '../faults';
import type { OrderEntity } from '../orders/model';
import type { OrderEvent } from '../orders/transitions';
import {
  requestId,
  signatureFault,
  wechatpayHeaders,
  type WechatpaySigningKey,
} from '../wire/wechatpay-signer';
import { buildNotification } from './envelope';
import { loopbackTarget, postOnce, type LoopbackTarget } from './deliver';
import { TaskSet } from '../tasks';

export interface DeliveryAttempt {
  attempt: number;
  at: number;
  status?: number;
  error?: string;
  durationMs: number;
  fault?: FaultKind;
}

/** One notification and its delivery history. */
export interface NotificationRecord {
  id: string;
  event_type: OrderEvent;
  out_order_no: string;
  notify_url: string;
  created_at: number;
  state: 'pending' | 'delivered' | 'failed' | 'not-delivered';
  reason?: string;
  attempts: DeliveryAttempt[];
}

export interface NotifierOptions {
  key: WechatpaySigningKey;
  apiV3Key: string;
  now: () => number;
  retryDelaysMs: readonly number[];
  timeoutMs: number;
  faults: FaultQueue;
  maxRecords?: number;
}

/** Queues, delivers and logs notifications. */
export class Notifier {
  private readonly records: NotificationRecord[] = [];
  private readonly tasks = new TaskSet();

  constructor(private readonly options: NotifierOptions) {}

  /** Starts delivering `event` about `order` (a snapshot) and returns its record. */
  send(event: OrderEvent, order: OrderEntity): NotificationRecord {
    const { now, apiV3Key } = this.options;
    const { id, body } = buildNotification(event, order, apiV3Key, now());
    const record: NotificationRecord = {
      id,
      event_type: event,
      out_order_no: order.out_order_no,
      notify_url: order.notify_url,
      created_at: now(),
      state: 'pending',
      attempts: [],
    };
    this.remember(record);

    const target = loopbackTarget(order.notify_url);
    if ('reason' in target) {
      record.state = 'not-delivered';
      record.reason = target.reason;
    } else {
      // After the current reply: WeChat Pay answers the API call before it notifies.
      this.tasks.later(0, () => this.attempt(record, target, body));
    }
    return record;
  }

  /** Every notification still remembered, oldest first. */
  list(): NotificationRecord[] {
    return this.records;
  }

  /** Resolves once no delivery is pending or scheduled. */
  idle(): Promise<void> {
    return this.tasks.idle();
  }

  /** Stops every timer and in-flight delivery. */
  close(): void {
    this.tasks.close();
  }

  private async attempt(record: NotificationRecord, target: LoopbackTarget, body: string) {
    const fault = this.options.faults.take('notify');
    if (fault?.kind === 'slow') await this.tasks.sleep(fault.delayMs);
    if (this.tasks.closed) return;

    const number = record.attempts.length + 1;
    const at = this.options.now();
    let result: { status?: number; error?: string; durationMs: number };
    if (fault?.kind === 'drop') {
      result = { error: 'dropped by an injected fault: nothing was sent', durationMs: 0 };
    } else {
      const headers = {
        'Content-Type': 'application/json',
        'Request-ID': requestId(),
        'Wechatpay-Signature-Type': SIGNATURE_SCHEME,
        ...wechatpayHeaders(this.options.key, body, at, signatureFault(fault?.kind)),
      };
      result = await this.tasks.run((signal) =>
        postOnce(target, headers, body, this.options.timeoutMs, signal),
      );
    }
    record.attempts.push({
      attempt: number,
      at,
      ...result,
      ...(fault ? { fault: fault.kind } : {}),
    });

    const ok = result.status !== undefined && result.status >= 200 && result.status < 300;
    const delay = this.options.retryDelaysMs[number - 1];
    if (ok) record.state = 'delivered';
    else if (delay === undefined) record.state = 'failed';
    else this.tasks.later(delay, () => this.attempt(record, target, body));
  }

  private remember(record: NotificationRecord): void {
    this.records.push(record);
    const max = this.options.maxRecords ?? 1000;
    while (this.records.length > max) {
      const index = this.records.findIndex((item) => item.state !== 'pending');
      this.records.splice(index === -1 ? 0 : index, 1);
    }
  }
}
