import { describe, expect, it } from "vitest";
import { BoundedCache } from "./bounded-cache.ts";

/** A maker that counts its calls. */
function counted<K, V>(make: (key: K) => V): { make: (key: K) => V; calls: () => number } {
  let calls = 0;
  return {
    make: (key) => {
      calls++;
      return make(key);
    },
    calls: () => calls,
  };
}

describe("BoundedCache", () => {
  it("makes each value once while it is cached", () => {
    const cache = new BoundedCache<string, number>(10);
    const length = counted((key: string) => key.length);
    expect(cache.get("abc", length.make)).toBe(3);
    expect(cache.get("abc", length.make)).toBe(3);
    expect(length.calls()).toBe(1);
  });

  it("keeps an entry read often through any number of one-off entries", () => {
    const cache = new BoundedCache<string, string>(4);
    const often = counted(() => "kept");
    cache.get("often", often.make);
    for (let i = 0; i < 1000; i++) {
      cache.get(`once-${i}`, (key) => key);
      if (i % 3 === 0) expect(cache.get("often", often.make)).toBe("kept");
    }
    expect(often.calls()).toBe(1);
  });

  it("forgets entries not read for twice its size", () => {
    const cache = new BoundedCache<number, number>(2);
    const first = counted((key: number) => key);
    cache.get(1, first.make);
    for (let key = 2; key < 8; key++) cache.get(key, (k) => k);
    cache.get(1, first.make);
    expect(first.calls()).toBe(2);
  });
});
