import { LIMITS, SERVICE_ORDER_PATH } from './constants';
import { authorizationHeader } from './auth/request-signer';
import { headerLookup, verifyWechatpaySignature } from './auth/signature-verifier';
import type { PayScoreConfig } from './config';
import { ApiError, TransportError, UncertainOutcomeError, ValidationError } from './errors';
import { nodeTransport, type Transport } from './http';
import { apiError, parseJson } from './reply';
import type {
  CompleteOrderInput,
  CreateOrderInput,
  ModifyOrderInput,
  OrderQuery,
  ServiceOrder,
} from './types';
import {
  checkCompleteOrder,
  checkCreateOrder,
  checkModifyOrder,
  checkOutOrderNo,
  checkQuery,
  checkText,
} from './validate';
import { parseBeijingTime } from './time';

/**
 * Knobs of {@link PayScoreClient}. With the defaults one call takes at most about 10 s, so an
 * action making two calls fits the `payscore` function's 30 s timeout (cloudbaserc.json).
 */
export interface ClientOptions {
  transport?: Transport;
  /** Clock in milliseconds; tests move it to check timestamps. */
  now?: () => number;
  /** Per attempt (default 3000). Three attempts with backoff take at most about 10 s. */
  timeoutMs?: number;
  /** Extra attempts after a network error, a timeout or a 5xx. */
  retries?: number;
  backoffMs?: number;
}

/** What a per-order operation answers: at least the order's identifiers. */
export type OrderReply = Pick<ServiceOrder, 'out_order_no'> & Partial<ServiceOrder>;

/**
 * The APIv3 service-order client: validates locally, signs, sends, retries what is safe to
 * retry, and verifies every reply before returning it.
 */
export class PayScoreClient {
  private readonly transport: Transport;
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;

  constructor(
    readonly config: PayScoreConfig,
    options: ClientOptions = {},
  ) {
    this.transport = options.transport ?? nodeTransport;
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.retries = options.retries ?? 2;
    this.backoffMs = options.backoffMs ?? 200;
  }

  /** Creates a confirm-mode order (`need_user_confirm: true`); the reply carries `package`. */
  async create(input: CreateOrderInput): Promise<ServiceOrder> {
    checkCreateOrder(input, this.now());
    const body = { ...this.ids(), ...input, need_user_confirm: true };
    return this.call<ServiceOrder>('POST', SERVICE_ORDER_PATH, body);
  }

  /** Reads an order by `out_order_no` or by the `query_id` the Pay Score page returned. */
  async query(query: OrderQuery): Promise<ServiceOrder> {
    checkQuery(query);
    const params = new URLSearchParams();
    if (query.out_order_no !== undefined) params.set('out_order_no', query.out_order_no);
    else params.set('query_id', query.query_id);
    params.set('service_id', this.config.serviceId);
    params.set('appid', this.config.appid);
    return this.call<ServiceOrder>('GET', `${SERVICE_ORDER_PATH}?${params}`);
  }

  /** Cancels an order that was never completed. */
  async cancel(outOrderNo: string, reason: string): Promise<OrderReply> {
    checkText('reason', reason, LIMITS.reason);
    return this.call<OrderReply>('POST', this.orderPath(outOrderNo, 'cancel'), {
      ...this.ids(),
      reason,
    });
  }

  /** Lowers the amount of a completed order that is still being collected. */
  async modify(outOrderNo: string, input: ModifyOrderInput): Promise<ServiceOrder> {
    checkModifyOrder(input);
    return this.call('POST', this.orderPath(outOrderNo, 'modify'), { ...this.ids(), ...input });
  }

  /** Ends the service with the final fee; WeChat Pay then collects it. */
  async complete(
    outOrderNo: string,
    input: CompleteOrderInput,
    startTime?: string,
  ): Promise<ServiceOrder> {
    checkCompleteOrder(input, this.now(), startTime);
    return this.call('POST', this.orderPath(outOrderNo, 'complete'), { ...this.ids(), ...input });
  }

  /** Asks WeChat Pay to try collecting an unpaid completed order now. */
  async pay(outOrderNo: string): Promise<OrderReply> {
    return this.call('POST', this.orderPath(outOrderNo, 'pay'), this.ids());
  }

  /** Tells WeChat Pay the user paid through another channel at `paidTime` (Beijing time). */
  async sync(outOrderNo: string, paidTime: string): Promise<ServiceOrder> {
    if (!parseBeijingTime(paidTime)) {
      throw new ValidationError('detail.paid_time', 'must be yyyyMMddHHmmss or yyyyMMdd');
    }
    const body = { ...this.ids(), type: 'Order_Paid', detail: { paid_time: paidTime } };
    return this.call('POST', this.orderPath(outOrderNo, 'sync'), body);
  }

  private ids() {
    return { appid: this.config.appid, service_id: this.config.serviceId };
  }

  /** The order number goes in the path only, encoded; it is never repeated in the body. */
  private orderPath(outOrderNo: string, operation: string): string {
    checkOutOrderNo(outOrderNo);
    return `${SERVICE_ORDER_PATH}/${encodeURIComponent(outOrderNo)}/${operation}`;
  }

  /**
   * Serialises once; every attempt sends and signs those same bytes. Network errors, timeouts
   * and 5xx are retried; a 4xx is final, except that after an unanswered attempt it only
   * means the outcome is unknown.
   */
  private async call<T>(method: string, pathWithQuery: string, payload?: object): Promise<T> {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt<T>(method, pathWithQuery, body);
      } catch (error) {
        const transient =
          error instanceof TransportError || (error instanceof ApiError && error.retryable);
        if (transient && attempt < this.retries) {
          await sleep(this.backoffMs * 3 ** attempt);
          continue;
        }
        const refusedRetry = attempt > 0 && error instanceof ApiError && !error.retryable;
        throw refusedRetry && method === 'POST' ? new UncertainOutcomeError(error) : error;
      }
    }
  }

  private async attempt<T>(method: string, pathWithQuery: string, body: string): Promise<T> {
    const { merchant, wechatpayKeys } = this.config;
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': 'payscore-cloudbase-starter',
      Authorization: authorizationHeader(merchant, {
        method,
        pathWithQuery,
        body,
        timestamp: Math.floor(this.now() / 1000),
      }),
    };
    if (body) headers['Content-Type'] = 'application/json';
    if (wechatpayKeys.publicKey) headers['Wechatpay-Serial'] = wechatpayKeys.publicKey.id;

    const url = new URL(this.config.baseUrl + pathWithQuery);
    const response = await this.transport({ method, url, headers, body }, this.timeoutMs);
    const header = headerLookup(response.headers);
    const ok = response.status >= 200 && response.status <= 299;
    // WeChat Pay signs error replies too; one without any signature header is from something
    // in between (a gateway), and is reported as the error it is.
    if (ok || header('Wechatpay-Signature') !== undefined) {
      const nowSeconds = Math.floor(this.now() / 1000);
      verifyWechatpaySignature(header, response.body, wechatpayKeys, nowSeconds, ok);
    }
    if (!ok) throw apiError(response);
    return parseJson(response) as T;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
