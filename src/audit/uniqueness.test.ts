import { describe, expect, it } from "vitest";
import {
  agreement,
  containment,
  headingMasks,
  intersect,
  jaccard,
  eachNearest,
  shingles,
  signature,
  subtract,
  words,
} from "./uniqueness.ts";

let seed = 11;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const vocabulary = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
const prose = (n: number) =>
  Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(" ");

describe("shingles", () => {
  it("normalizes case, punctuation and whitespace", () => {
    expect(words("Pompano  Beach's PIER,\nopen")).toEqual(["pompano", "beach's", "pier", "open"]);
    expect(shingles("One two three four five")).toEqual(shingles("one   TWO three, four five."));
    expect(shingles("one two three four")).toHaveLength(0);
  });

  it("measures the share of a page found on another", () => {
    const base = prose(400);
    expect(containment(shingles(base), shingles(base))).toBe(1);
    expect(containment(shingles(base), shingles(prose(400)))).toBeLessThan(0.01);
    const half = containment(shingles(`${base} ${prose(400)}`), shingles(base));
    expect(half).toBeGreaterThan(0.45);
    expect(half).toBeLessThan(0.55);
  });

  it("masks the place name, so a name swap is not uniqueness", () => {
    const template = (city: string) =>
      `Acupuncture in ${city}. Patients from ${city} reach us quickly, and ${city} has ${prose(0)}many parks. ${"the same words again ".repeat(3)}`;
    const [a, b] = headingMasks([
      "Acupuncture in Red Bank",
      "Acupuncture in Long Branch",
      "Acupuncture in Rumson",
    ]);
    expect([...a!].sort()).toEqual(["bank", "red"]);
    expect(containment(shingles(template("Red Bank"), a), shingles(template("Long Branch"), b))).toBe(1);
    expect(containment(shingles(template("Red Bank")), shingles(template("Long Branch")))).toBeLessThan(1);
  });
});

describe("MinHash + LSH", () => {
  it("signatures agree about as often as the sets overlap", () => {
    const base = prose(800);
    const a = signature(shingles(base));
    const b = signature(shingles(`${base} ${prose(200)}`));
    const c = signature(shingles(prose(800)));
    const agree = (x: Uint32Array, y: Uint32Array) => x.filter((v, i) => v === y[i]).length / x.length;
    expect(agree(a, b)).toBeGreaterThan(0.6);
    expect(agree(a, c)).toBeLessThan(0.1);
  });

  it("estimates Jaccard similarity from signature agreement", () => {
    const base = prose(600);
    const a = shingles(base);
    const b = shingles(`${base} ${prose(600)}`);
    expect(jaccard(a, b)).toBeGreaterThan(0.45);
    expect(Math.abs(agreement(signature(a), signature(b)) - jaccard(a, b))).toBeLessThan(0.12);
  });

  it("picks bucket neighbours closest in page order, whatever the bucket size", () => {
    const nearest = (bucket: number[], page: number, limit: number) => {
      const found: number[] = [];
      eachNearest(bucket, page, limit, (other) => found.push(other));
      return found;
    };
    expect(nearest([1, 4, 5, 9, 12], 5, 3)).toEqual([4, 1, 9]);
    expect(nearest([1, 2, 3], 0, 5)).toEqual([1, 2, 3]);
  });
});

describe("sorted set operations", () => {
  it("intersects, subtracts and scores sorted hash sets", () => {
    const a = Uint32Array.from([1, 3, 5, 7]);
    const b = Uint32Array.from([3, 4, 5]);
    expect([...intersect(a, b)]).toEqual([3, 5]);
    expect([...subtract(a, b)]).toEqual([1, 7]);
    expect(jaccard(a, b)).toBeCloseTo(2 / 5);
    expect(jaccard(new Uint32Array(), new Uint32Array())).toBe(0);
  });
});
