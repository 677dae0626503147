/** A small route table for the sandbox's own JSON routes: `:no` matches one path segment. */
import type { SandboxContext } from '../context';
import type { JsonObject } from '../rules/fields';

/** A sandbox route's input: the path parameter, the JSON body and the raw request. */
export interface RouteCall {
  no: string;
  body: JsonObject;
  rawBody: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface RouteReply {
  status: number;
  payload: unknown;
}

export type RouteHandler = (ctx: SandboxContext, call: RouteCall) => RouteReply;

export interface RouteEntry {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  handler: RouteHandler;
}

/** Finds the entry for a path below `/sandbox/`; `allow` lists methods when only those fit. */
export function findRoute(
  table: readonly RouteEntry[],
  method: string,
  subPath: string,
): { entry: RouteEntry; no: string } | { allow: string } | undefined {
  const parts = subPath.split('/');
  const allowed: string[] = [];
  for (const entry of table) {
    const pattern = entry.path.split('/');
    if (pattern.length !== parts.length) continue;
    let no = '';
    const matches = pattern.every((segment, i) => {
      if (segment !== ':no') return segment === parts[i];
      no = parts[i];
      return parts[i] !== '';
    });
    if (!matches) continue;
    if (entry.method === method) return { entry, no: safeDecode(no) };
    allowed.push(entry.method);
  }
  return allowed.length ? { allow: allowed.join(', ') } : undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
