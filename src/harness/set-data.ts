/**
 * `setData` as WeChat applies it: keys may be paths ('order.status', 'list[2].name'), values
 * are copied (they travel to the view layer as data), and `undefined` is refused with a
 * warning instead of being stored.
 */

type Container = Record<string, unknown> | unknown[];

/** Applies a setData patch to `target`; returns the warnings WeChat would print. */
export function applySetData(target: Record<string, unknown>, patch: Record<string, unknown>) {
  const warnings: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) {
      warnings.push(`Setting data field "${key}" to undefined is invalid.`);
      continue;
    }
    assign(target, parsePath(key), copy(key, value));
  }
  return warnings;
}

function parsePath(key: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const match of key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    parts.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  }
  if (parts.length === 0) throw new Error(`setData: invalid key '${key}'`);
  return parts;
}

function assign(target: Container, parts: (string | number)[], value: unknown): void {
  let node: Container = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = read(node, parts[i]);
    const child: Container =
      next !== null && typeof next === 'object'
        ? (next as Container)
        : typeof parts[i + 1] === 'number'
          ? []
          : {};
    write(node, parts[i], child);
    node = child;
  }
  write(node, parts[parts.length - 1], value);
}

function read(node: Container, part: string | number): unknown {
  return Array.isArray(node) ? node[Number(part)] : node[String(part)];
}

function write(node: Container, part: string | number, value: unknown): void {
  if (Array.isArray(node)) node[Number(part)] = value;
  else node[String(part)] = value;
}

function copy(key: string, value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    throw new Error(`setData: the value of '${key}' cannot be sent to the view layer`);
  }
}
