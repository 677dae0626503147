/**
 * Bundles each cloud function's TypeScript (src/functions/<name>/index.ts) with esbuild into
 * one CommonJS file, cloudfunctions/<name>/index.js, for the Node 18 runtime. `wx-server-sdk`
 * stays external: the cloud installs it from the function's own package.json.
 * Runs on `npm install` (the `prepare` script) and `npm run build`.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

export const FUNCTION_NAMES = ['payscore', 'payscoreNotify'] as const;
const ROOT = path.resolve(__dirname, '..');

/** Builds every function into `<outRoot>/<name>/index.js`; returns the bundle paths. */
export function buildFunctions(outRoot = path.join(ROOT, 'cloudfunctions')): string[] {
  return FUNCTION_NAMES.map((name) => {
    const outfile = path.join(outRoot, name, 'index.js');
    mkdirSync(path.dirname(outfile), { recursive: true });
    buildSync({
      entryPoints: [path.join(ROOT, 'src', 'functions', name, 'index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      external: ['wx-server-sdk'],
      minifySyntax: true,
      legalComments: 'none',
      logLevel: 'error',
    });
    checkManifest(name);
    return outfile;
  });
}

/** Each function folder ships a package.json whose only dependency is a pinned wx-server-sdk. */
function checkManifest(name: string): void {
  const manifest = path.join(ROOT, 'cloudfunctions', name, 'package.json');
  if (!existsSync(manifest)) throw new Error(`${manifest} is missing`);
  const deps = JSON.parse(readFileSync(manifest, 'utf8')).dependencies ?? {};
  if (
    Object.keys(deps).join() !== 'wx-server-sdk' ||
    !/^\d+\.\d+\.\d+$/.test(deps['wx-server-sdk'])
  ) {
    throw new Error(`${manifest} must depend only on an exact wx-server-sdk version`);
  }
}

if (require.main === module) {
  for (const file of buildFunctions()) console.log(`built ${path.relative(ROOT, file)}`);
}
