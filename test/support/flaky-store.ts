import { MemoryOrderStore } from '../../src/functions/lib/store/memory-store';
import type { OrderPatch } from '../../src/functions/lib/store/order-store';

/** A memory store whose next `failures` updates throw, like a database that drops out. */
export class FlakyStore extends MemoryOrderStore {
  failures = 0;

  override async update(no: string, version: number, patch: OrderPatch): Promise<boolean> {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('database unavailable');
    }
    return super.update(no, version, patch);
  }
}
