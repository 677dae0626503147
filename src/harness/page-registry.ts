/**
 * The `Page` constructor of the harness: while a page module loads, it records the options the
 * module passes to `Page()` under that page's route.
 */

export class PageRegistry {
  private readonly definitions = new Map<string, Record<string, unknown>>();
  private registering: string | null = null;

  /** @param load loads the module of a route (set once the module loader exists) */
  constructor(private readonly load: (route: string) => void) {}

  /** The global `Page` the mini program code calls. */
  readonly Page = (options: Record<string, unknown>): void => {
    if (!this.registering) throw new Error('Page() called outside the loading of a page');
    this.definitions.set(this.registering, options);
  };

  /** The `Page()` options of a route, loading its module the first time. */
  definition(route: string): Record<string, unknown> {
    const known = this.definitions.get(route);
    if (known) return known;
    this.registering = route;
    try {
      this.load(route);
    } finally {
      this.registering = null;
    }
    const defined = this.definitions.get(route);
    if (!defined) throw new Error(`${route} did not call Page()`);
    return defined;
  }
}
