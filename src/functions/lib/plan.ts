import type { PlanView } from '../../../miniprogram/services/contract';
import type { RiskFund } from '../../payscore';

/**
 * The sample's price plan: a power-bank rental with the deposit waived by Pay Score. It lives
 * on the server so the client can never choose an amount. Change it here for your service.
 */
export const RENTAL_PLAN = {
  serviceIntroduction: '共享充电宝租借',
  paymentName: '充电宝租借费',
  /** Fee per started hour, in fen. */
  feePerHour: 200,
  /** The waived deposit, in fen; also caps the fee. */
  riskFund: { name: 'DEPOSIT', amount: 9900, description: '充电宝押金' } satisfies RiskFund,
} as const;

/** "2.00" from 200 fen. */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

/** The fee rule in at most 30 characters, as the Pay Score page shows it under the fee. */
export function feeSummary(feePerHour: number, cap: number): string {
  const short = (fen: number) => String(Number(yuan(fen)));
  return `每小时${short(feePerHour)}元，封顶${short(cap)}元`;
}

/** The fee rule as users read it. */
export function feeRule(feePerHour: number, cap: number): string {
  return `每小时 ${yuan(feePerHour)} 元，不足 1 小时按 1 小时计，封顶 ${yuan(cap)} 元`;
}

/** The fee in fen for a service from `startedAt` to `endedAt` (ms): started hours, capped. */
export function serviceFee(startedAt: number, endedAt: number, perHour: number, cap: number) {
  const hours = Math.max(1, Math.ceil((endedAt - startedAt) / 3_600_000));
  return Math.min(hours * perHour, cap);
}

export function planView(): PlanView {
  const { serviceIntroduction, feePerHour, riskFund } = RENTAL_PLAN;
  return {
    serviceIntroduction,
    feePerHour,
    deposit: riskFund.amount,
    feeRule: feeRule(feePerHour, riskFund.amount),
  };
}
