/**
 * A stand-in for the `payscore` cloud function that answers with contract-shaped replies from
 * an in-memory order list. The real function is tested in test/functions; here only the
 * shapes matter. Tests can confirm orders (as Pay Score would) and script the next reply.
 */
import type {
  ConfirmExtraData,
  OrderView,
  Request,
  StartResult,
} from '../../../miniprogram/services/contract';
import {
  BUSINESS_TYPE_USE,
  PAYSCORE_MINI_PROGRAM_APPID,
  PAYSCORE_MINI_PROGRAM_PATH,
} from '../../../src/payscore/constants';

export const PLAN = {
  serviceIntroduction: '共享充电宝租借',
  feePerHour: 200,
  deposit: 9900,
  feeRule: '每小时 2.00 元，封顶 99.00 元',
};

/** A valid-looking signed extraData: strings only, 10-digit timestamp, 64 upper-case hex. */
export function extraDataFor(pkg: string): ConfirmExtraData {
  return {
    mch_id: '1900000000',
    package: pkg,
    timestamp: '1700000000',
    nonce_str: 'FakeNonce12345678',
    sign_type: 'HMAC-SHA256',
    sign: '69CC0CA59821FB21AEDDD7C1D234515ABA0B771C6AAA3DBB405534704A4D58DB',
  };
}

type Scripted = { reply: unknown } | { error: Error } | { gate: Promise<void> };

export class FakeCloud {
  readonly orders = new Map<string, OrderView>();
  readonly queryIds = new Map<string, string>();
  private readonly scripted = new Map<string, Scripted[]>();
  private sequence = 0;
  now = Date.UTC(2026, 0, 2, 3, 4, 5);

  /** The harness's `callFunction`. */
  readonly callFunction = async (name: string, data: unknown): Promise<unknown> => {
    if (name !== 'payscore') throw new Error(`FunctionName parameter could not be found: ${name}`);
    const request = data as Request;
    const next = this.scripted.get(request.action)?.shift();
    if (next && 'error' in next) throw next.error;
    if (next && 'reply' in next) return next.reply;
    if (next) await next.gate;
    return this.answer(request);
  };

  /** Makes the next call of this action reject (e.g. a function timeout). */
  failNext(action: Request['action'], message: string): void {
    this.push(action, { error: new Error(message) });
  }

  /** Makes the next call of this action resolve with this reply. */
  replyNext(action: Request['action'], reply: unknown): void {
    this.push(action, { reply });
  }

  /** Holds the next call of this action until the returned function is called. */
  holdNext(action: Request['action']): () => void {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.push(action, { gate });
    return release;
  }

  /** What Pay Score does when the user confirms: the order goes into service. */
  confirm(outOrderNo: string): string {
    this.update(outOrderNo, {
      status: 'IN_SERVICE',
      confirmedAt: this.now,
      actions: ['finish'],
    });
    const queryId = `FAKEQ-${outOrderNo}`;
    this.queryIds.set(queryId, outOrderNo);
    return queryId;
  }

  /** Adds an order in a given state, as if created earlier. */
  seed(order: Partial<OrderView> & { out_order_no: string }): OrderView {
    const full = { ...this.newOrder(order.out_order_no), ...order };
    this.orders.set(full.out_order_no, full);
    return full;
  }

  orderNoOfPackage(pkg: unknown): string {
    return String(pkg).replace(/^PKG-/, '');
  }

  private answer(request: Request): unknown {
    switch (request.action) {
      case 'plan':
        return { ok: true, plan: PLAN };
      case 'start':
        return this.start();
      case 'list':
        return { ok: true, orders: [...this.orders.values()] };
      case 'query': {
        const no =
          'query_id' in request ? this.queryIds.get(request.query_id) : request.out_order_no;
        const order = no ? this.orders.get(no) : undefined;
        return order
          ? { ok: true, order }
          : { ok: false, code: 'NOT_FOUND', message: '订单不存在' };
      }
      case 'finish':
        return this.act(request.out_order_no, 'finish');
      case 'cancel':
        return this.act(request.out_order_no, 'cancel');
    }
  }

  private start(): { ok: true } & StartResult {
    this.sequence += 1;
    const order = this.newOrder(`FAKE-ORDER-${String(this.sequence).padStart(4, '0')}`);
    this.orders.set(order.out_order_no, order);
    const extraData = extraDataFor(`PKG-${order.out_order_no}`);
    return {
      ok: true,
      out_order_no: order.out_order_no,
      order,
      businessView: { businessType: BUSINESS_TYPE_USE, extraData },
      navigateToMiniProgram: {
        appId: PAYSCORE_MINI_PROGRAM_APPID,
        path: PAYSCORE_MINI_PROGRAM_PATH,
        extraData,
      },
    };
  }

  private act(outOrderNo: string, action: 'finish' | 'cancel'): unknown {
    const order = this.orders.get(outOrderNo);
    if (!order) return { ok: false, code: 'NOT_FOUND', message: '订单不存在' };
    if (!order.actions.includes(action)) {
      return { ok: false, code: 'INVALID_STATE', message: '订单当前状态不能进行该操作' };
    }
    const updated =
      action === 'finish'
        ? this.update(outOrderNo, {
            status: 'COLLECTING',
            finishedAt: this.now,
            totalAmount: 400,
            actions: [],
          })
        : this.update(outOrderNo, { status: 'REVOKED', actions: [] });
    return action === 'finish'
      ? { ok: true, order: updated, alreadyFinished: false }
      : { ok: true, order: updated, alreadyCancelled: false };
  }

  private newOrder(outOrderNo: string): OrderView {
    return {
      out_order_no: outOrderNo,
      status: 'WAITING_FOR_USER',
      serviceIntroduction: PLAN.serviceIntroduction,
      createdAt: this.now,
      deposit: PLAN.deposit,
      feeRule: PLAN.feeRule,
      actions: ['cancel'],
    };
  }

  /** Changes an order as the server would. */
  update(outOrderNo: string, patch: Partial<OrderView>): OrderView {
    const order = { ...(this.orders.get(outOrderNo) as OrderView), ...patch };
    this.orders.set(outOrderNo, order);
    return order;
  }

  private push(action: string, entry: Scripted): void {
    this.scripted.set(action, [...(this.scripted.get(action) ?? []), entry]);
  }
}
