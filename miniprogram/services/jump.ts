/**
 * Opening the Pay Score confirm page for an order. `openPayScore` must be called synchronously
 * from the page's tap handler: WeChat lets only a user's tap open another mini program, and
 * anything awaited before the call would break that chain. Its result is only a hint: whether
 * the user confirmed is known from the server alone.
 */
import { ENABLE_NAVIGATE_TO_MINI_PROGRAM } from '../config';
import {
  BUSINESS_TYPE_USE,
  PAYSCORE_MINI_PROGRAM_APPID,
  PAYSCORE_MINI_PROGRAM_PATH,
} from '../utils/payscore-constants';
import { dropTicket, peekTicket } from './confirm-ticket';
import { extraDataProblems } from './extra-data-check';
import { classifyJumpFailure, describeJumpFailure, UNSUPPORTED_MESSAGE } from './jump-errors';
import type { JumpFailure } from './jump-errors';
import { savePendingJump } from './pending-jump';

export type JumpOutcome =
  /** No way to open Pay Score on this client: nothing happened, the ticket is kept. */
  | { kind: 'unsupported'; message: string }
  /** No usable ticket: nothing was opened. */
  | { kind: 'invalid'; message: string }
  /** The page opened and closed normally. Not a confirmation. */
  | { kind: 'returned' }
  | { kind: 'failed'; message: string; errMsg: string; errCode?: number };

/** The confirm data of this order is gone (used, or the app restarted since `start`). */
export const NO_TICKET_MESSAGE = '确认信息已失效，请取消订单后重新下单';
/** The server's extraData would be refused by Pay Score; the package is not spent on it. */
export const BAD_TICKET_MESSAGE = '订单签名信息异常，请取消订单后重新下单';

/** True when this client can open Pay Score at all (base library 2.6.0+, or the opt-in). */
export function canOpenPayScore(): boolean {
  return typeof wx.openBusinessView === 'function' || ENABLE_NAVIGATE_TO_MINI_PROGRAM;
}

/**
 * Opens the confirm page with the ticket kept for this order. Before the jump the order number
 * is saved, so the return (App.onShow, maybe a cold start) knows which order to re-read.
 */
export function openPayScore(outOrderNo: string): Promise<JumpOutcome> {
  const ticket = peekTicket(outOrderNo);
  if (!ticket) return Promise.resolve({ kind: 'invalid', message: NO_TICKET_MESSAGE });
  if (!canOpenPayScore()) {
    console.warn('[payscore] wx.openBusinessView is missing; base library', sdkVersion());
    return Promise.resolve({ kind: 'unsupported', message: UNSUPPORTED_MESSAGE });
  }

  dropTicket(outOrderNo);
  const problems = extraDataProblems(ticket.extraData);
  if (problems.length > 0) {
    console.error('[payscore] extraData refused before the jump:', problems.join('; '));
    return Promise.resolve({ kind: 'invalid', message: BAD_TICKET_MESSAGE });
  }

  savePendingJump(outOrderNo);
  return new Promise((resolve) => {
    const success = () => resolve({ kind: 'returned' });
    const fail = (failure: JumpFailure) => resolve(failed(failure));
    if (typeof wx.openBusinessView === 'function') {
      wx.openBusinessView({
        businessType: BUSINESS_TYPE_USE,
        extraData: ticket.extraData,
        envVersion: 'release',
        success,
        fail,
      });
    } else {
      wx.navigateToMiniProgram({
        appId: PAYSCORE_MINI_PROGRAM_APPID,
        path: PAYSCORE_MINI_PROGRAM_PATH,
        extraData: ticket.extraData,
        envVersion: 'release',
        success,
        fail,
      });
    }
  });
}

function failed(failure: JumpFailure): JumpOutcome {
  // A wrong businessType is a bug in this code, not a user's problem: log it louder.
  if (classifyJumpFailure(failure) === 'invalid-business-type') {
    console.error('[payscore] jump failed:', failure.errMsg, 'errCode', failure.errCode);
  } else {
    console.warn('[payscore] jump failed:', failure.errMsg, 'errCode', failure.errCode);
  }
  return {
    kind: 'failed',
    message: describeJumpFailure(failure),
    errMsg: failure.errMsg,
    errCode: failure.errCode,
  };
}

function sdkVersion(): string {
  return typeof wx.getAppBaseInfo === 'function' ? wx.getAppBaseInfo().SDKVersion : 'unknown';
}
