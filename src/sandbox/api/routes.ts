/** Which service-order endpoint a method and path name, or why none does (404 / 405). */
import { SERVICE_ORDER_PATH } from '../../payscore/constants';

export type OperationName = 'cancel' | 'modify' | 'complete' | 'pay' | 'sync';
export type ApiRouteName = 'create' | 'query' | OperationName;

export type ApiRoute =
  { name: 'create' | 'query' } | { name: OperationName; rawOutOrderNo: string };

export type RouteMiss = { status: 404 } | { status: 405; allow: string };

const OPERATIONS: readonly string[] = ['cancel', 'modify', 'complete', 'pay', 'sync'];

/** Matches `/v3/payscore/serviceorder[/{out_order_no}/{operation}]`. */
export function matchApiRoute(method: string, pathname: string): ApiRoute | RouteMiss {
  if (pathname === SERVICE_ORDER_PATH) {
    if (method === 'POST') return { name: 'create' };
    if (method === 'GET') return { name: 'query' };
    return { status: 405, allow: 'GET, POST' };
  }
  if (!pathname.startsWith(`${SERVICE_ORDER_PATH}/`)) return { status: 404 };
  const parts = pathname.slice(SERVICE_ORDER_PATH.length + 1).split('/');
  if (parts.length !== 2 || !parts[0] || !OPERATIONS.includes(parts[1])) return { status: 404 };
  if (method !== 'POST') return { status: 405, allow: 'POST' };
  return { name: parts[1] as OperationName, rawOutOrderNo: parts[0] };
}
