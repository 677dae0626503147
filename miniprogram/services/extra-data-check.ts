/**
 * A last look at the signed extraData before it is spent on a jump. The server signs it; this
 * only catches a reply that Pay Score would reject anyway ("系统繁忙", "签名校验失败"), so the
 * single-use package is not wasted and the fault is logged where it is visible.
 */
import type { ConfirmExtraData } from './contract';

const FIELDS: (keyof ConfirmExtraData)[] = [
  'mch_id',
  'package',
  'timestamp',
  'nonce_str',
  'sign_type',
  'sign',
];

/** The problems found in an extraData; empty when it looks signable by Pay Score. */
export function extraDataProblems(extraData: ConfirmExtraData): string[] {
  const values: Record<string, unknown> = { ...extraData };
  const problems = FIELDS.filter(
    (name) => typeof values[name] !== 'string' || values[name] === '',
  ).map((name) => `${name} must be a non-empty string`);
  if (problems.length > 0) return problems;
  if (!/^\d{10}$/.test(extraData.timestamp)) problems.push('timestamp must be 10 digits (seconds)');
  if (extraData.sign_type !== 'HMAC-SHA256') problems.push('sign_type must be HMAC-SHA256');
  if (!/^[0-9A-F]{64}$/.test(extraData.sign)) {
    problems.push(`sign must be 64 upper-case hex characters; got ${extraData.sign.length}`);
  }
  return problems;
}
