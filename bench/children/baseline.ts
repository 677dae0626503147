/** Cold-start child that loads nothing: the cost of starting and ending Node itself. */
import { reportAndExit } from './protocol';

reportAndExit({ bootMs: process.uptime() * 1000, requireMs: 0, coldMs: 0, reply: { ok: true } });
