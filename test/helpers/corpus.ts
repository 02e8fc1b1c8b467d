/**
 * Real documents for the tests. The 12 published Gardener wrap-ups and the mojibake seed page
 * live in the repository (test/wrapups/, copies of `../shared/corpus`), so that a fresh clone
 * runs every rule test. The whole Gardener docs corpus (1,072 pages) is only beside the clone
 * in CI (`../shared/corpus`): tests that need it use `describeCorpus` / `testCorpus`, which skip
 * and say so when it is not there.
 */
import { describe, test } from "vitest";
import { CORPUS, HAS_CORPUS } from "./real-pages.js";

export * from "./real-pages.js";

let said = false;
function sayCorpusMissing(): void {
  if (HAS_CORPUS || said) return;
  said = true;
  console.warn(`Skipped: tests over the whole Gardener docs corpus need ${CORPUS} (CI has it beside the clone).`);
}

/** A describe block over the whole corpus: skipped, saying so, when the corpus is not there. */
export function describeCorpus(name: string, body: () => void): void {
  sayCorpusMissing();
  describe.skipIf(!HAS_CORPUS)(`${name} [needs ../shared/corpus]`, body);
}

/** A test over the whole corpus: skipped, saying so, when the corpus is not there. */
export const testCorpus = ((name: string, fn: () => unknown, timeout?: number) => {
  sayCorpusMissing();
  return test.skipIf(!HAS_CORPUS)(`${name} [needs ../shared/corpus]`, fn, timeout);
}) as (name: string, fn: () => unknown, timeout?: number) => void;
