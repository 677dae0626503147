/**
 * The marker of a jump to Pay Score that has not come back yet. It lives in storage, not in
 * memory, because WeChat may kill the mini program while the user is in Pay Score and the
 * return then arrives as a cold start. Whoever claims it first handles the return; claiming
 * clears it, so a return is handled once however often `onShow` repeats scene 1038.
 */
import { PENDING_JUMP_KEY, readPendingJump } from './return';
import type { PendingJump } from './return';

/** Records that a jump for this order is about to start. */
export function savePendingJump(outOrderNo: string): void {
  const marker: PendingJump = { out_order_no: outOrderNo, savedAt: Date.now() };
  wx.setStorageSync(PENDING_JUMP_KEY, marker);
}

/** Takes the pending marker (and clears it); null when no fresh jump is pending. */
export function claimPendingJump(): PendingJump | null {
  const stored: unknown = wx.getStorageSync(PENDING_JUMP_KEY);
  if (stored === '') return null;
  wx.removeStorageSync(PENDING_JUMP_KEY);
  return readPendingJump(stored, Date.now());
}
