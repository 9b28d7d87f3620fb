import { describe, expect, it } from "vitest";
import { BoundedCache } from "./bounded-cache.ts";

describe("BoundedCache", () => {
  it("makes each value once while it is cached", () => {
    const cache = new BoundedCache<string, number>(10);
    let made = 0;
    const make = (key: string) => (made++, key.length);
    expect(cache.get("abc", make)).toBe(3);
    expect(cache.get("abc", make)).toBe(3);
    expect(made).toBe(1);
  });

  it("keeps an entry read often through any number of one-off entries", () => {
    const cache = new BoundedCache<string, string>(4);
    let madeOften = 0;
    cache.get("often", () => (madeOften++, "kept"));
    for (let i = 0; i < 1000; i++) {
      cache.get(`once-${i}`, (key) => key);
      if (i % 3 === 0) expect(cache.get("often", () => (madeOften++, "kept"))).toBe("kept");
    }
    expect(madeOften).toBe(1);
  });

  it("forgets entries not read for twice its size", () => {
    const cache = new BoundedCache<number, number>(2);
    let made = 0;
    cache.get(1, (k) => (made++, k));
    for (let k = 2; k < 8; k++) cache.get(k, (v) => v);
    cache.get(1, (k) => (made++, k));
    expect(made).toBe(2);
  });
});
