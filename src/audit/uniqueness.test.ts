import { describe, expect, it } from "vitest";
import { containment, headingMasks, mostSimilar, nearestInBucket, shingles, signature, words } from "./uniqueness.ts";

let seed = 11;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const vocabulary = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
const prose = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(" ");

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
    const template = (city: string) => `Acupuncture in ${city}. Patients from ${city} reach us quickly, and ${city} has ${prose(0)}many parks. ${"the same words again ".repeat(3)}`;
    const [a, b] = headingMasks(["Acupuncture in Red Bank", "Acupuncture in Long Branch", "Acupuncture in Rumson"]);
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

  it("finds each page's near-duplicate twin among many unrelated pages", () => {
    const texts: string[] = [];
    for (let i = 0; i < 150; i++) {
      const shared = prose(300);
      texts.push(`${shared} ${prose(20)}`, `${shared} ${prose(20)}`);
    }
    for (let i = 0; i < 200; i++) texts.push(prose(320));
    const sets = texts.map((t) => shingles(t));
    const result = mostSimilar(sets, sets.map(signature));
    for (let i = 0; i < 300; i++) {
      expect(result[i]!.similarTo).toBe(i % 2 === 0 ? i + 1 : i - 1);
      expect(result[i]!.score).toBeLessThan(0.15);
    }
    for (let i = 300; i < 500; i++) expect(result[i]!.score).toBeGreaterThan(0.95);
  });

  it("picks bucket neighbours closest in page order, whatever the bucket size", () => {
    expect(nearestInBucket([1, 4, 5, 9, 12], 5, 3)).toEqual([4, 1, 9]);
    expect(nearestInBucket([1, 2, 3], 0, 5)).toEqual([1, 2, 3]);
  });
});
