/**
 * All orders of the sandbox merchant, in memory and bounded: past the cap the oldest finished
 * order among the oldest hundred goes first (the oldest of all when none of them is finished),
 * with its package and query_ids, so a long-running sandbox never grows without limit.
 */
import { FINISHED_STATES, type SandboxOrder } from './model';

const EXPIRY_MS = 30 * 24 * 60 * 60 * 1000;
const EVICTION_WINDOW = 100;

/** Orders by out_order_no, package and query_id. */
export class SandboxOrderBook {
  private readonly orders = new Map<string, SandboxOrder>();
  private readonly byPackage = new Map<string, SandboxOrder>();
  private readonly byQueryId = new Map<string, SandboxOrder>();

  constructor(
    private readonly now: () => number,
    readonly maxOrders = 10000,
  ) {}

  /** The order with this out_order_no, after applying the 30-day expiry of CREATED. */
  get(outOrderNo: string): SandboxOrder | undefined {
    return this.fresh(this.orders.get(outOrderNo));
  }

  /** The order a confirm-page package belongs to. */
  withPackage(orderPackage: string): SandboxOrder | undefined {
    return this.fresh(this.byPackage.get(orderPackage));
  }

  /** The order a query_id (handed to the mini program on return) points at. */
  withQueryId(queryId: string): SandboxOrder | undefined {
    return this.fresh(this.byQueryId.get(queryId));
  }

  /** Every order, oldest first. */
  all(): SandboxOrder[] {
    return [...this.orders.values()].map((record) => this.fresh(record) ?? record);
  }

  /** Stores a new order, evicting one when the store is full. */
  add(record: SandboxOrder): void {
    this.orders.set(record.entity.out_order_no, record);
    this.byPackage.set(record.package, record);
    while (this.orders.size > this.maxOrders) this.evictOne();
  }

  /** Registers a query_id for an order. */
  addQueryId(record: SandboxOrder, queryId: string): void {
    record.queryIds.push(queryId);
    this.byQueryId.set(queryId, record);
  }

  /** Looks at the oldest EVICTION_WINDOW orders only, so a full store stays fast to add to. */
  private evictOne(): void {
    let victim: SandboxOrder | undefined;
    let seen = 0;
    for (const record of this.orders.values()) {
      victim ??= record;
      if (FINISHED_STATES.includes(record.entity.state)) {
        victim = record;
        break;
      }
      if (++seen >= EVICTION_WINDOW) break;
    }
    if (!victim) return;
    this.orders.delete(victim.entity.out_order_no);
    this.byPackage.delete(victim.package);
    for (const queryId of victim.queryIds) this.byQueryId.delete(queryId);
  }

  private fresh(record: SandboxOrder | undefined): SandboxOrder | undefined {
    if (record?.entity.state === 'CREATED' && this.now() - record.updatedAt >= EXPIRY_MS) {
      record.entity.state = 'EXPIRED';
    }
    return record;
  }
}
