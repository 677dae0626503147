/**
 * The default notify_url: a receiver on the sandbox itself that keeps what it was sent (the
 * last 200), so a fresh setup has somewhere to deliver before the merchant's own receiver runs.
 */

export interface SinkEntry {
  at: number;
  headers: Record<string, string>;
  body: string;
}

/** The sink's bounded memory. */
export class NotifySink {
  private readonly entries: SinkEntry[] = [];

  constructor(private readonly max = 200) {}

  /** Keeps the Wechatpay-* and Request-ID headers and the raw body. */
  add(at: number, headers: Record<string, string | string[] | undefined>, body: string): void {
    const kept: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value === 'string' && /^(wechatpay-|request-id$)/i.test(name)) kept[name] = value;
    }
    this.entries.push({ at, headers: kept, body });
    if (this.entries.length > this.max) this.entries.shift();
  }

  /** Oldest first. */
  list(): SinkEntry[] {
    return this.entries;
  }
}
