/** The `console` of the mini program code: every call is kept, and passed on if asked. */
import type { LogEntry } from './types';

/** A console that appends to `logs` and forwards each entry to `onLog`. */
export function createConsole(logs: LogEntry[], onLog?: (entry: LogEntry) => void) {
  const method =
    (level: LogEntry['level']) =>
    (...args: unknown[]) => {
      const entry = { level, args };
      logs.push(entry);
      onLog?.(entry);
    };
  return {
    log: method('log'),
    info: method('info'),
    warn: method('warn'),
    error: method('error'),
    debug: method('debug'),
  };
}
