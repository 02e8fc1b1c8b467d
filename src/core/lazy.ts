/**
 * A CommonJS dependency loaded on first use instead of at start. ajv is needed only for options
 * someone wrote and for a wrap-up's front matter, yaml only for the latter; a pre-commit run over
 * one ordinary page, or an editor opening one, needs neither (test/integration/lazy.test.ts).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function lazy<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
