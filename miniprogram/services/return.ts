/**
 * Recognising a return from the Pay Score mini program and choosing how to re-read the order.
 * Plain functions over the `App.onLaunch`/`onShow` options, so they run anywhere.
 */
import { PAYSCORE_MINI_PROGRAM_APPID, RETURN_SCENE } from '../utils/payscore-constants';

/** Storage key of the pending-jump marker (see pending-jump.ts). */
export const PENDING_JUMP_KEY = 'payscore.pendingJump';

// The package behind a jump is valid for about an hour; a marker much older than that
// belongs to a jump whose return was lost, and must not turn a later visit into a "return".
const MAX_PENDING_AGE_MS = 2 * 3600 * 1000;

/** A jump to Pay Score that has not come back yet. */
export interface PendingJump {
  out_order_no: string;
  /** Epoch milliseconds when the jump started. */
  savedAt: number;
}

/** The part of the launch/show options a return is read from. */
export interface ShowOptionsLike {
  scene?: number;
  referrerInfo?: { appId?: string; extraData?: unknown };
}

export type ReturnQuery =
  { action: 'query'; query_id: string } | { action: 'query'; out_order_no: string };

export type ReturnDecision =
  { handle: false } | { handle: true; out_order_no: string; queries: ReturnQuery[] };

/**
 * True for scene 1038 coming from the Pay Score AppID. Android repeats scene 1038 on later
 * `onShow`s, so this alone is no proof of a fresh return: a pending jump must exist too.
 */
export function isPayScoreReturn(options: ShowOptionsLike | undefined): boolean {
  return (
    options?.scene === RETURN_SCENE && options.referrerInfo?.appId === PAYSCORE_MINI_PROGRAM_APPID
  );
}

/**
 * The `query_id` Pay Score hands back, if any. It comes only when the user taps the return
 * button inside Pay Score; the top-left back arrow brings nothing (or `{}`).
 */
export function readQueryId(extraData: unknown): string | undefined {
  if (!extraData || typeof extraData !== 'object') return undefined;
  const queryId = (extraData as { query_id?: unknown }).query_id;
  return typeof queryId === 'string' && queryId.trim() !== '' ? queryId : undefined;
}

/** The stored marker if it is well-formed and fresh at `now`, else null. */
export function readPendingJump(stored: unknown, now: number): PendingJump | null {
  if (!stored || typeof stored !== 'object') return null;
  const { out_order_no: outOrderNo, savedAt } = stored as Record<string, unknown>;
  if (typeof outOrderNo !== 'string' || outOrderNo === '' || typeof savedAt !== 'number') {
    return null;
  }
  const age = now - savedAt;
  return age >= 0 && age <= MAX_PENDING_AGE_MS ? { out_order_no: outOrderNo, savedAt } : null;
}

/**
 * Decides what a show event asks for, given the claimed pending jump. The queries are tried in
 * order: by `query_id` when Pay Score gave one, then by the saved `out_order_no`.
 */
export function decideReturn(
  options: ShowOptionsLike | undefined,
  pending: PendingJump | null,
): ReturnDecision {
  if (!isPayScoreReturn(options) || pending === null) return { handle: false };
  const byOrderNo: ReturnQuery = { action: 'query', out_order_no: pending.out_order_no };
  const queryId = readQueryId(options?.referrerInfo?.extraData);
  const queries = queryId
    ? [{ action: 'query', query_id: queryId } as const, byOrderNo]
    : [byOrderNo];
  return { handle: true, out_order_no: pending.out_order_no, queries };
}
