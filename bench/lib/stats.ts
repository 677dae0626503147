/** Summaries of repeated measurements. */

export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
}

/** Median, min and max of `values`, rounded to 0.01. */
export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) throw new Error('nothing to summarize');
  const mid = Math.floor(n / 2);
  const median = n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { n, median: round(median), min: round(sorted[0]), max: round(sorted[n - 1]) };
}

/** Rounds to two decimals. */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Medians of every numeric key across `records`, e.g. profile timings per sample. */
export function medianByKey(records: Record<string, number>[]): Record<string, number> {
  const keys = new Set(records.flatMap((record) => Object.keys(record)));
  const out: Record<string, number> = {};
  for (const key of keys) out[key] = summarize(records.map((r) => r[key] ?? 0)).median;
  return out;
}
