/**
 * Pay Score times are Beijing time (UTC+8, no daylight saving) whatever the server's own zone.
 * This is the one place that turns instants into those strings and back.
 */

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const FULL = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;
const DAY = /^(\d{4})(\d{2})(\d{2})$/;

/** Formats an instant as `yyyyMMddHHmmss` in Beijing time. */
export function formatBeijingTime(instant: Date | number): string {
  const shifted = new Date(new Date(instant).getTime() + BEIJING_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    shifted.getUTCFullYear() +
    pad(shifted.getUTCMonth() + 1) +
    pad(shifted.getUTCDate()) +
    pad(shifted.getUTCHours()) +
    pad(shifted.getUTCMinutes()) +
    pad(shifted.getUTCSeconds())
  );
}

/**
 * Parses `yyyyMMddHHmmss`, or `yyyyMMdd` (start of that day, or its end with `endOfDay`), as
 * Beijing time. Returns undefined for anything else, including impossible dates.
 */
export function parseBeijingTime(text: string, endOfDay = false): Date | undefined {
  const full = FULL.exec(text);
  const day = full ? undefined : DAY.exec(text);
  const parts = full ?? (day && [...day, ...(endOfDay ? ['23', '59', '59'] : ['00', '00', '00'])]);
  if (!parts) return undefined;

  const [y, mo, d, h, mi, s] = parts.slice(1, 7).map(Number);
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(utc);
  const valid =
    check.getUTCFullYear() === y &&
    check.getUTCMonth() === mo - 1 &&
    check.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60;
  return valid ? new Date(utc - BEIJING_OFFSET_MS) : undefined;
}
