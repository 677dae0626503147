/** Display formatting shared by the pages: money, durations and times. */

/** Formats an amount in fen as yuan with two decimals, e.g. 1990 → '¥19.90'. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${Math.floor(abs / 100)}.${cents}`;
}

/** Formats a duration as h:mm:ss (or m:ss under an hour); negative durations count as 0. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  if (hours === 0) return `${minutes}:${seconds}`;
  return `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`;
}

/** Formats epoch milliseconds as Beijing time 'YYYY-MM-DD HH:mm', whatever the phone's zone. */
export function formatDateTime(ms: number): string {
  // Shift to UTC+8 and read the UTC fields: China keeps no daylight saving time.
  const t = new Date(ms + 8 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  return `${date} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}
