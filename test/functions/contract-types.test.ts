import { strict as assert } from 'node:assert';
import type {
  ConfirmExtraData as ContractExtraData,
  OrderStatus as ContractStatus,
} from '../../miniprogram/services/contract';
import { STATUS_TEXT } from '../../miniprogram/utils/status-text';
import type { ConfirmExtraData, OrderStatus } from '../../src/payscore';

/** True only when A and B are the same type; checked by `npm run typecheck`. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('the mini program contract and the payment core agree', () => {
  it('has the order statuses and extraData of the core (the mini program keeps copies)', () => {
    const agreement: [
      Same<ContractStatus, OrderStatus>,
      Same<ContractExtraData, ConfirmExtraData>,
    ] = [true, true];
    assert.deepEqual(agreement, [true, true]);
    const everyStatus: Record<OrderStatus, true> = {
      WAITING_FOR_USER: true,
      IN_SERVICE: true,
      COLLECTING: true,
      PAID: true,
      REVOKED: true,
      EXPIRED: true,
    };
    assert.deepEqual(Object.keys(STATUS_TEXT).sort(), Object.keys(everyStatus).sort());
  });
});
