import type { OrderPatch, OrderRecord, OrderStore } from './order-store';

/**
 * An in-process store with the same semantics as the CloudBase one (conditional updates,
 * duplicate detection). Records are copied in and out so callers cannot mutate stored state.
 */
export class MemoryOrderStore implements OrderStore {
  private readonly orders = new Map<string, OrderRecord>();
  private readonly notifications = new Set<string>();

  async insert(record: OrderRecord): Promise<void> {
    if (this.orders.has(record.out_order_no)) {
      throw new Error(`order ${record.out_order_no} already exists`);
    }
    this.orders.set(record.out_order_no, { ...record });
  }

  async get(outOrderNo: string): Promise<OrderRecord | undefined> {
    const record = this.orders.get(outOrderNo);
    return record && { ...record };
  }

  async listByOpenid(openid: string, limit: number): Promise<OrderRecord[]> {
    return [...this.orders.values()]
      .filter((record) => record.openid === openid)
      .sort((a, b) => b.created_at - a.created_at)
      .slice(0, limit)
      .map((record) => ({ ...record }));
  }

  async update(outOrderNo: string, version: number, patch: OrderPatch): Promise<boolean> {
    const record = this.orders.get(outOrderNo);
    if (!record || record.version !== version) return false;
    this.orders.set(outOrderNo, { ...record, ...patch, version: version + 1 });
    return true;
  }

  async rememberNotification(key: string): Promise<boolean> {
    if (this.notifications.has(key)) return false;
    this.notifications.add(key);
    return true;
  }

  async hasNotification(key: string): Promise<boolean> {
    return this.notifications.has(key);
  }
}
