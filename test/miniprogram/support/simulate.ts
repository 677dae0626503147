/**
 * miniprogram-simulate under mocha, with the two gotchas of the conventions guide handled:
 * - it needs a DOM, and global-jsdom leaves Node's own Event/CustomEvent in place, which
 *   j-component's dispatchEvent rejects; the jsdom ones are installed for the suite;
 * - it require()s `<dir>/index`, which Node resolves to index.json when only index.ts exists;
 *   so each component is bundled to a plain index.js in a temporary folder first.
 * Everything installed on the global object is removed again by `close()`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import globalJsdom from 'global-jsdom';
import type * as Simulate from 'miniprogram-simulate';

const ROOT = path.resolve(__dirname, '../../../miniprogram');
const GLOBALS = ['Event', 'CustomEvent', 'Component', 'Behavior'] as const;

export interface SimulateSession {
  simulate: typeof Simulate;
  /** Builds the component at this root-relative folder; returns the path simulate loads. */
  component(folder: string): string;
  close(): void;
}

/** Opens a DOM and miniprogram-simulate for one suite. */
export function openSimulate(): SimulateSession {
  const host = globalThis as Record<string, unknown>;
  const saved = new Map(GLOBALS.map((name) => [name, host[name]]));
  const closeDom = globalJsdom();
  const window = host.window as Record<string, unknown>;
  host.Event = window.Event;
  host.CustomEvent = window.CustomEvent;
  // Loaded only now: it defines the global Component and Behavior when it loads.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as typeof Simulate;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-simulate-'));

  return {
    simulate,
    component(folder) {
      const target = path.join(out, folder);
      fs.mkdirSync(target, { recursive: true });
      for (const ext of ['json', 'wxml', 'wxss']) {
        fs.copyFileSync(path.join(ROOT, folder, `index.${ext}`), path.join(target, `index.${ext}`));
      }
      buildSync({
        entryPoints: [path.join(ROOT, folder, 'index.ts')],
        outfile: path.join(target, 'index.js'),
        bundle: true,
        format: 'cjs',
        target: 'es2020',
        logLevel: 'silent',
      });
      return path.join(target, 'index');
    },
    close() {
      fs.rmSync(out, { recursive: true, force: true });
      closeDom();
      for (const [name, value] of saved) {
        if (value === undefined) delete host[name];
        else host[name] = value;
      }
    },
  };
}

/** A detached element to attach rendered components to. */
export function container(): unknown {
  const { document } = globalThis as unknown as {
    document: { createElement(tag: string): unknown };
  };
  return document.createElement('parent-wrapper');
}

/** Text of every rendered element matching the selector, whitespace collapsed. */
export function texts(dom: unknown, selector: string): string[] {
  const root = dom as {
    querySelectorAll(selector: string): Iterable<{ textContent: string | null }>;
  };
  return [...root.querySelectorAll(selector)].map((node) =>
    (node.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

/** A page's WXML from the source tree. */
export function readWxml(folder: string): string {
  return fs.readFileSync(path.join(ROOT, folder, 'index.wxml'), 'utf8');
}
