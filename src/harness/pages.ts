/**
 * The page stack: page instances built from their `Page({...})` options, their lifecycle, and
 * the four navigation APIs with WeChat's limits (10 pages, routes from app.json).
 */
import { failure } from './async-api';
import { applySetData } from './set-data';
import type { NavigationApi, PageHandle, PageInstance } from './types';

const MAX_STACK = 10;

export interface PageHost {
  /** Routes listed in app.json. */
  routes: string[];
  /** The options the page module passed to `Page()`. */
  definition(route: string): Record<string, unknown>;
  /** Calls a lifecycle or handler, tracking a returned promise. */
  invoke(target: object, method: string, args: unknown[]): unknown;
  /** Runs `action` as part of a user's tap. */
  asTap<T>(action: () => T): T;
  warn(message: string): void;
}

interface PageRecord {
  instance: PageInstance;
  handle: PageHandle;
  alive: boolean;
}

export class PageStack {
  private readonly records: PageRecord[] = [];

  constructor(private readonly host: PageHost) {}

  get handles(): PageHandle[] {
    return this.records.map((record) => record.handle);
  }

  get instances(): PageInstance[] {
    return this.records.map((record) => record.instance);
  }

  top(): PageHandle | undefined {
    return this.records[this.records.length - 1]?.handle;
  }

  /** Opens a page on top of the stack, as navigateTo does. */
  push(route: string, query: Record<string, string>): PageHandle {
    this.checkRoute('navigateTo', route);
    if (this.records.length >= MAX_STACK) throw failure('navigateTo', 'webview count limit exceed');
    const previous = this.records[this.records.length - 1];
    if (previous) this.host.invoke(previous.instance, 'onHide', []);
    return this.create(route, query);
  }

  /** Performs one navigation API call; throws its fail result. */
  navigate(api: NavigationApi, url: string | undefined, delta = 1): void {
    if (api === 'navigateBack') return this.back(delta);
    const { route, query } = this.parseUrl(api, url ?? '');
    this.checkRoute(api, route);
    if (api === 'navigateTo') {
      this.push(route, query);
    } else if (api === 'redirectTo') {
      const top = this.records.pop();
      if (top) this.unload(top);
      this.create(route, query);
    } else {
      while (this.records.length > 0) this.unload(this.records.pop() as PageRecord);
      this.create(route, query);
    }
  }

  /** Runs onShow / onHide of the top page, as the app comes to the foreground or leaves it. */
  showTop(): void {
    const top = this.records[this.records.length - 1];
    if (top) this.host.invoke(top.instance, 'onShow', []);
  }

  hideTop(): void {
    const top = this.records[this.records.length - 1];
    if (top) this.host.invoke(top.instance, 'onHide', []);
  }

  /** Unloads every page, top first. */
  unloadAll(): void {
    while (this.records.length > 0) this.unload(this.records.pop() as PageRecord);
  }

  private back(delta: number): void {
    if (this.records.length <= 1)
      throw failure('navigateBack', 'cannot navigate back at first page.');
    const count = Math.min(Math.max(1, delta), this.records.length - 1);
    for (let i = 0; i < count; i++) this.unload(this.records.pop() as PageRecord);
    this.showTop();
  }

  private create(route: string, query: Record<string, string>): PageHandle {
    const instance = this.instantiate(route, query);
    const record: PageRecord = { instance, handle: this.handleFor(instance, query), alive: true };
    this.records.push(record);
    this.host.invoke(instance, 'onLoad', [{ ...query }]);
    this.host.invoke(instance, 'onShow', []);
    this.host.invoke(instance, 'onReady', []);
    return record.handle;
  }

  private unload(record: PageRecord): void {
    record.alive = false;
    this.host.invoke(record.instance, 'onUnload', []);
  }

  private instantiate(route: string, query: Record<string, string>): PageInstance {
    const definition = this.host.definition(route);
    const instance: PageInstance = {
      route,
      options: { ...query },
      data: structuredClone((definition.data ?? {}) as Record<string, unknown>),
      setData: (patch, callback) => {
        for (const warning of applySetData(instance.data, patch)) this.host.warn(warning);
        callback?.();
      },
    };
    for (const [key, value] of Object.entries(definition)) {
      if (key === 'data') continue;
      // WeChat deep-copies a page's non-function members into each instance.
      instance[key] = typeof value === 'function' ? value : structuredClone(value);
    }
    return instance;
  }

  private handleFor(instance: PageInstance, query: Record<string, string>): PageHandle {
    const host = this.host;
    const record = () => this.records.find((r) => r.instance === instance);
    return {
      route: instance.route,
      query: { ...query },
      instance,
      get data() {
        return instance.data;
      },
      get alive() {
        return record()?.alive ?? false;
      },
      call(method, event) {
        const args = event === undefined ? [] : [event];
        const isTap = (event as { type?: unknown } | undefined)?.type === 'tap';
        return isTap
          ? host.asTap(() => host.invoke(instance, method, args))
          : host.invoke(instance, method, args);
      },
      tap(method, dataset = {}) {
        return host.asTap(() => host.invoke(instance, method, [tapEvent(dataset)]));
      },
    };
  }

  private parseUrl(
    api: NavigationApi,
    url: string,
  ): { route: string; query: Record<string, string> } {
    const [rawPath, rawQuery = ''] = url.split('?');
    if (!rawPath) throw failure(api, `invalid url "${url}"`);
    const current = this.records[this.records.length - 1]?.instance.route ?? '';
    const route = rawPath.startsWith('/')
      ? rawPath.slice(1)
      : [...current.split('/').slice(0, -1), rawPath].join('/');
    return { route, query: parseQuery(rawQuery) };
  }

  private checkRoute(api: NavigationApi, route: string): void {
    if (!this.host.routes.includes(route)) throw failure(api, `page "${route}" is not found`);
  }
}

// Not URLSearchParams: WeChat leaves '+' alone, it does not mean a space in a page query.
function parseQuery(raw: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const pair of raw.split('&').filter(Boolean)) {
    const at = pair.indexOf('=');
    const key = at < 0 ? pair : pair.slice(0, at);
    query[decodeURIComponent(key)] = at < 0 ? '' : decodeURIComponent(pair.slice(at + 1));
  }
  return query;
}

function tapEvent(dataset: Record<string, unknown>) {
  const target = { id: '', dataset: { ...dataset } };
  return {
    type: 'tap',
    timeStamp: 0,
    target,
    currentTarget: target,
    detail: { x: 0, y: 0 },
    touches: [],
    changedTouches: [],
  };
}
