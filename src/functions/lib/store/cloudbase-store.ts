import type { OrderPatch, OrderRecord, OrderStore } from './order-store';

/**
 * The part of wx-server-sdk's database API this store uses, so tests can record the calls
 * and the real `cloud.database()` fits as is.
 */
export interface CloudDatabase {
  collection(name: string): CloudCollection;
  command: { inc(n: number): unknown };
}
export interface CloudCollection {
  add(options: { data: Record<string, unknown> }): Promise<unknown>;
  where(query: Record<string, unknown>): CloudQuery;
}
export interface CloudQuery {
  orderBy(field: string, order: 'asc' | 'desc'): CloudQuery;
  limit(n: number): CloudQuery;
  get(): Promise<unknown>;
  update(options: { data: Record<string, unknown> }): Promise<unknown>;
}

/** Collection names; create both in the CloudBase console (or let the first write do it). */
export const ORDERS_COLLECTION = 'payscore_orders';
export const NOTIFICATIONS_COLLECTION = 'payscore_notifications';

/**
 * Orders in the CloudBase database, keyed by `out_order_no` as `_id`. Updates are conditional
 * on `version` (a compare-and-set in one `where().update()`), notification ids are documents
 * whose `_id` is the id, so a second delivery is detected.
 */
export class CloudBaseOrderStore implements OrderStore {
  constructor(private readonly db: CloudDatabase) {}

  async insert(record: OrderRecord): Promise<void> {
    await this.orders().add({ data: { _id: record.out_order_no, ...record } });
  }

  async get(outOrderNo: string): Promise<OrderRecord | undefined> {
    const rows = dataOf(await this.orders().where({ _id: outOrderNo }).limit(1).get());
    return rows[0] && toRecord(rows[0]);
  }

  async listByOpenid(openid: string, limit: number): Promise<OrderRecord[]> {
    const query = this.orders().where({ openid }).orderBy('created_at', 'desc').limit(limit);
    return dataOf(await query.get()).map(toRecord);
  }

  async update(outOrderNo: string, version: number, patch: OrderPatch): Promise<boolean> {
    const data = { ...patch, version: this.db.command.inc(1) };
    const result = await this.orders().where({ _id: outOrderNo, version }).update({ data });
    return updatedCount(result) === 1;
  }

  async rememberNotification(key: string): Promise<boolean> {
    try {
      await this.db
        .collection(NOTIFICATIONS_COLLECTION)
        .add({ data: { _id: key, at: Date.now() } });
      return true;
    } catch (error) {
      // A duplicate _id rejects the add; any other failure must reach the caller.
      if (await this.hasNotification(key)) return false;
      throw error;
    }
  }

  async hasNotification(key: string): Promise<boolean> {
    const query = this.db.collection(NOTIFICATIONS_COLLECTION).where({ _id: key }).limit(1);
    return dataOf(await query.get()).length > 0;
  }

  private orders(): CloudCollection {
    return this.db.collection(ORDERS_COLLECTION);
  }
}

function dataOf(result: unknown): Record<string, unknown>[] {
  const data = (result as { data?: unknown } | undefined)?.data;
  return Array.isArray(data) ? (data as Record<string, unknown>[]) : [];
}

function updatedCount(result: unknown): number {
  return (result as { stats?: { updated?: number } } | undefined)?.stats?.updated ?? 0;
}

function toRecord(row: Record<string, unknown>): OrderRecord {
  const { _id, _openid, ...rest } = row;
  void _id;
  void _openid;
  return rest as unknown as OrderRecord;
}
