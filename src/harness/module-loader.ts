/**
 * Loads mini program source files the way WeChat runs them: each file is a CommonJS module in
 * which `wx`, `App`, `Page`, timers and friends are free variables. Here they are parameters
 * of the module wrapper, so nothing leaks into Node's globals, and each loader keeps its own
 * module cache: two harness instances never share a module.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { transformSync } from 'esbuild';

interface LoadedModule {
  exports: unknown;
}

export class ModuleLoader {
  private readonly cache = new Map<string, LoadedModule>();
  private readonly names: string[];
  private readonly values: unknown[];

  /**
   * @param root folder of app.json; modules may only require files inside it
   * @param globals the free variables of mini program code, by name
   * @param overrides export replacements by root-relative module path without extension
   */
  constructor(
    private readonly root: string,
    globals: Record<string, unknown>,
    private readonly overrides: Record<string, Record<string, unknown>> = {},
  ) {
    this.names = Object.keys(globals);
    this.values = this.names.map((name) => globals[name]);
  }

  /** Loads (once) the module at this path, given relative to the root, and returns its exports. */
  load(relativePath: string): unknown {
    return this.loadFile(this.resolve(this.root, `./${relativePath}`));
  }

  private loadFile(file: string): unknown {
    const cached = this.cache.get(file);
    if (cached) return cached.exports;

    const module: LoadedModule = { exports: {} };
    this.cache.set(file, module);
    const { code } = transformSync(fs.readFileSync(file, 'utf8'), {
      loader: 'ts',
      format: 'cjs',
      target: 'es2020',
      sourcefile: file,
      sourcemap: 'inline',
    });
    const wrapper = `(function (exports, require, module, ${this.names.join(', ')}) {${code}\n})`;
    const run: unknown = vm.runInThisContext(wrapper, { filename: file });
    if (typeof run !== 'function') throw new Error(`could not wrap ${file}`);
    const localRequire = (spec: string) => this.loadFile(this.resolve(path.dirname(file), spec));
    run(module.exports, localRequire, module, ...this.values);

    const override = this.overrides[this.key(file)];
    if (override) {
      module.exports = { ...(module.exports as Record<string, unknown>), ...override };
    }
    return module.exports;
  }

  /** Resolves like DevTools' TypeScript plugin: a .ts file wins over a .js of the same name. */
  private resolve(fromDir: string, spec: string): string {
    if (!spec.startsWith('.') && !spec.startsWith('/')) {
      throw new Error(`mini program code may only require its own files, not '${spec}'`);
    }
    const base = spec.startsWith('/') ? path.join(this.root, spec) : path.resolve(fromDir, spec);
    if (path.relative(this.root, base).startsWith('..')) {
      throw new Error(`'${spec}' is outside the mini program root`);
    }
    const candidates = [`${base}.ts`, `${base}.js`, base, `${base}/index.ts`, `${base}/index.js`];
    const found = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
    if (!found) throw new Error(`cannot find module '${spec}' from ${fromDir}`);
    return found;
  }

  private key(file: string): string {
    return path
      .relative(this.root, file)
      .replace(/\\/g, '/')
      .replace(/\.(ts|js)$/, '');
  }
}
