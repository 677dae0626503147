/**
 * The marker of a jump to Pay Score that has not come back yet. It lives in storage, not in
 * memory, because WeChat may kill the mini program while the user is in Pay Score and the
 * return then arrives as a cold start. Whoever claims it first handles the return; claiming
 * clears it, so a return is handled once however often `onShow` repeats scene 1038.
 */

const STORAGE_KEY = 'payscore.pendingJump';

// The package behind a jump is valid for about an hour; a marker much older than that
// belongs to a jump whose return was lost, and must not turn a later visit into a "return".
const MAX_AGE_MS = 2 * 3600 * 1000;

export interface PendingJump {
  out_order_no: string;
  /** Epoch milliseconds when the jump started. */
  savedAt: number;
}

/** Records that a jump for this order is about to start. */
export function savePendingJump(outOrderNo: string): void {
  const marker: PendingJump = { out_order_no: outOrderNo, savedAt: Date.now() };
  wx.setStorageSync(STORAGE_KEY, marker);
}

/** Takes the pending marker (and clears it); null when no fresh jump is pending. */
export function claimPendingJump(): PendingJump | null {
  const stored: unknown = wx.getStorageSync(STORAGE_KEY);
  if (stored === '') return null;
  wx.removeStorageSync(STORAGE_KEY);
  if (!isPendingJump(stored)) return null;
  const age = Date.now() - stored.savedAt;
  return age >= 0 && age <= MAX_AGE_MS ? stored : null;
}

function isPendingJump(value: unknown): value is PendingJump {
  if (!value || typeof value !== 'object') return false;
  const { out_order_no: outOrderNo, savedAt } = value as Record<string, unknown>;
  return typeof outOrderNo === 'string' && outOrderNo !== '' && typeof savedAt === 'number';
}
