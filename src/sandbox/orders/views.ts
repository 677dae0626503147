/** What the API shows of an order: deep copies, so later steps never alter a sent reply. */
import type { OrderEntity, SandboxOrder } from './model';

/** The order entity as query, complete, modify, sync and notifications carry it. */
export function orderView(record: SandboxOrder): OrderEntity {
  return structuredClone(record.entity);
}

/** The create reply: the entity plus the package that opens the confirm page. */
export function createView(record: SandboxOrder): OrderEntity & { package: string } {
  return { ...orderView(record), package: record.package };
}

/** The short reply of cancel and pay: the order's identifiers. */
export function idsView(record: SandboxOrder): Record<string, string> {
  const { appid, mchid, out_order_no, service_id, order_id } = record.entity;
  return { appid, mchid, out_order_no, service_id, order_id };
}
