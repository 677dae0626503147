import type { ServiceOrder } from './types';

/**
 * The one status an order is in, read from `state`, `state_description` and
 * `collection.state` together (`state` alone is not enough: a completed order is still DOING).
 */
export type OrderStatus =
  'WAITING_FOR_USER' | 'IN_SERVICE' | 'COLLECTING' | 'PAID' | 'REVOKED' | 'EXPIRED';

/** Operations of the service-order API. */
export type OrderOperation = 'cancel' | 'complete' | 'modify' | 'pay' | 'sync';

const ALLOWED: Record<OrderStatus, readonly OrderOperation[]> = {
  WAITING_FOR_USER: ['cancel'],
  IN_SERVICE: ['cancel', 'complete'],
  COLLECTING: ['modify', 'pay', 'sync'],
  PAID: [],
  REVOKED: [],
  EXPIRED: [],
};

/** Progress order of the statuses; terminal ones share the last rank. */
const RANK: Record<OrderStatus, number> = {
  WAITING_FOR_USER: 0,
  IN_SERVICE: 1,
  COLLECTING: 2,
  PAID: 3,
  REVOKED: 3,
  EXPIRED: 3,
};

/** Derives the status of an order; unknown combinations throw rather than guess. */
export function orderStatus(
  order: Pick<ServiceOrder, 'state' | 'state_description' | 'collection'>,
): OrderStatus {
  const paid = order.collection?.state === 'USER_PAID';
  switch (order.state) {
    case 'CREATED':
      return 'WAITING_FOR_USER';
    case 'DOING':
      if (paid) return 'PAID';
      return order.state_description === 'MCH_COMPLETE' ? 'COLLECTING' : 'IN_SERVICE';
    case 'DONE':
      return 'PAID';
    case 'REVOKED':
      return 'REVOKED';
    case 'EXPIRED':
      return 'EXPIRED';
    default:
      throw new Error(`unknown Pay Score order state ${JSON.stringify(order.state)}`);
  }
}

/** The operations WeChat Pay accepts for an order in `status`. */
export function allowedOperations(status: OrderStatus): readonly OrderOperation[] {
  return ALLOWED[status];
}

/** True when moving from `from` to `to` goes forward (or stays), never back. */
export function isForward(from: OrderStatus, to: OrderStatus): boolean {
  if (RANK[from] === 3) return from === to;
  return RANK[to] >= RANK[from];
}
