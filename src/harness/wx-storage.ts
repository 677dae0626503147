/**
 * Synchronous storage. Values are copied in and out, as WeChat serialises them; a missing key
 * reads as '' (not undefined), which is what real code has to handle.
 */

/** The storage APIs over this map. */
export function createStorageApis(storage: Map<string, unknown>) {
  return {
    setStorageSync(key: string, value: unknown) {
      storage.set(key, structuredClone(value));
    },
    getStorageSync(key: string): unknown {
      return storage.has(key) ? structuredClone(storage.get(key)) : '';
    },
    removeStorageSync(key: string) {
      storage.delete(key);
    },
    clearStorageSync() {
      storage.clear();
    },
  };
}
