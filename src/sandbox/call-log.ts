/** A bounded log of API calls, for the page and for tests that check what a client sent. */

export interface CallRecord {
  at: number;
  method: string;
  path: string;
  route: string;
  status: number;
  code?: string;
  fault?: string;
}

/** Keeps the last `max` calls. */
export class CallLog {
  private readonly records: CallRecord[] = [];

  constructor(private readonly max = 500) {}

  /** Records one call, dropping the oldest past the cap. */
  add(record: CallRecord): void {
    this.records.push(record);
    if (this.records.length > this.max) this.records.shift();
  }

  /** Oldest first. */
  list(): CallRecord[] {
    return this.records;
  }
}
