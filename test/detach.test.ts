/**
 * TextCache: answers by text, computed once, bounded, the recently used kept. (That it keeps no
 * page alive is test/memory.test.ts, through both linters.)
 */
import { describe, expect, test } from "vitest";
import { detached, TextCache } from "../src/detach.js";

describe("TextCache", () => {
  test("computes once per text, from a copy equal to the text", () => {
    const cache = new TextCache<string>(100, 50);
    const seen: string[] = [];
    const compute = (own: string): string => (seen.push(own), own.toUpperCase());
    expect(cache.get("https://github.com/gardener/gardener", compute)).toBe("HTTPS://GITHUB.COM/GARDENER/GARDENER");
    expect(cache.get("https://github.com/gardener/" + "gardener", compute)).toBe("HTTPS://GITHUB.COM/GARDENER/GARDENER");
    expect(seen).toEqual(["https://github.com/gardener/gardener"]);
  });

  test("never holds more than its bound, however many texts pass", () => {
    const cache = new TextCache<number>(10, 50);
    for (let i = 0; i < 1000; i++) cache.get(`text ${i}`, () => i);
    expect(cache.size).toBeLessThanOrEqual(10);
    expect(cache.size).toBeGreaterThanOrEqual(5);
  });

  test("an entry in use stays while others come and go; one left unused goes", () => {
    const cache = new TextCache<number>(10, 50);
    let computed = 0;
    const hot = (): number => cache.get("hot", () => ++computed);
    hot();
    for (let i = 0; i < 200; i++) {
      cache.get(`cold ${i}`, () => -1);
      hot();
    }
    expect(computed).toBe(1);
    let again = 0;
    cache.get("cold 0", () => ++again);
    expect(again).toBe(1);
  });

  test("a text over the length bound is computed every time and not kept", () => {
    const cache = new TextCache<number>(10, 5);
    let computed = 0;
    cache.get("longer than five", () => ++computed);
    cache.get("longer than five", () => ++computed);
    expect(computed).toBe(2);
    expect(cache.size).toBe(0);
  });
});

test("detached copies are equal to the text", () => {
  const page = "x".repeat(1000) + "https://github.com/gardener/gardener/pull/1" + "y".repeat(1000);
  const slice = page.slice(1000, 1043);
  expect(detached(slice)).toBe(slice);
  expect(detached("short")).toBe("short");
});
