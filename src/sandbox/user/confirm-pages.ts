/**
 * Confirm pages the sandbox user has open: one per package opened, each closed by a single
 * decision. Bounded, since a page nobody decides on would otherwise stay forever.
 */
import { randomString } from '../../payscore/crypto/nonce';

/**
 * How the user leaves the Pay Score page: `confirm` (confirms, then taps the return button:
 * the mini program gets a query_id), `back-icon` (confirms, then uses the top-left back icon:
 * no data comes back) or `leave` (goes back without confirming: nothing changes).
 */
export type Decision = 'confirm' | 'back-icon' | 'leave';
/** Every decision, for checking input. */
export const DECISIONS: readonly Decision[] = ['confirm', 'back-icon', 'leave'];

export interface ConfirmPage {
  id: string;
  outOrderNo: string;
  openid: string;
  openedAt: number;
  decision?: Decision;
}

/** The open pages, by id. */
export class ConfirmPages {
  private readonly pages = new Map<string, ConfirmPage>();

  constructor(private readonly max = 1000) {}

  /** Opens a page for an order whose package was just accepted. */
  open(outOrderNo: string, openid: string, nowMs: number): ConfirmPage {
    const page = { id: randomString(24), outOrderNo, openid, openedAt: nowMs };
    this.pages.set(page.id, page);
    if (this.pages.size > this.max) this.pages.delete(this.pages.keys().next().value ?? '');
    return page;
  }

  /** The page with this id, if it is still kept. */
  get(id: string): ConfirmPage | undefined {
    return this.pages.get(id);
  }
}
