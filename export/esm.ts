import { pathToFileURL } from 'node:url';

/**
 * Loads an ES module package from this CommonJS build. vega and vega-lite 6 are ESM only, with
 * top-level await, so `require()` fails (ERR_REQUIRE_ASYNC_MODULE); and TypeScript compiles
 * `import()` to `require()` under `module: commonjs`. A Function keeps the real `import()`.
 * The path is resolved with `require.resolve`, so NODE_PATH and the usual lookup apply.
 */
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

const cache = new Map<string, Promise<unknown>>();

export function importEsm<T>(name: string): Promise<T> {
  let loaded = cache.get(name);
  if (!loaded) {
    loaded = importModule(pathToFileURL(require.resolve(name)).href);
    cache.set(name, loaded);
  }
  return loaded as Promise<T>;
}
