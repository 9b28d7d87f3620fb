import { describe, expect, it } from "vitest";
import { factsOf, foldWord, foldedWords, pageSignals } from "./uniqueness-text.ts";

describe("folded words", () => {
  it("folds inflections and synonyms to one token and drops function words", () => {
    expect(foldWord("patients")).toBe(foldWord("client"));
    expect(foldWord("driving")).toBe(foldWord("commute"));
    expect(foldWord("frequently")).toBe(foldWord("often"));
    expect(foldWord("the")).toBeUndefined();
    expect(foldWord("Roosevelt")).not.toBe(foldWord("bridge"));
  });

  it("reads a synonym-swapped sentence as the same words", () => {
    const names = new Set(["stuart"]);
    expect([...foldedWords("Many Stuart patients often drive to our clinic", names)]).toEqual([
      ...foldedWords("Numerous Stuart clients frequently commute to our practice", names),
    ]);
  });
});

describe("specific facts", () => {
  const names = new Set(["stuart", "fl", "acupuncture", "sciatica"]);

  it("finds named places, roads, exits, drive times and years", () => {
    const facts = factsOf(
      "From Stuart, take Kanner Highway or US-1 to I-95 and leave at exit 121; allow about twenty-five minutes. The Elliott Museum opened in 1961.",
      names,
    );
    expect(facts).toEqual(
      expect.arrayContaining([
        "kanner highway",
        "us 1",
        "i 95",
        "exit 121",
        "twenty five minutes",
        "elliott museum",
        "1961",
      ]),
    );
  });

  it("finds none in praise that would be true of any city", () => {
    const praise =
      "Residents of Stuart deserve compassionate, expert care. Our caring team treats every Stuart patient like family. Why Choose Us? We offer the best care in Stuart.";
    expect(factsOf(praise, names)).toEqual([]);
  });

  it("does not count a capitalized word only because it opens a sentence", () => {
    expect(factsOf("Patients come early. Winter is quiet.", names)).toEqual([]);
    expect(factsOf("The Roosevelt Bridge is closed.", names)).toEqual(["roosevelt bridge"]);
  });

  it("lists paragraphs without facts as generic, with an excerpt", () => {
    const text =
      "Residents of Stuart deserve compassionate, expert care from a team that truly listens to them.\nStuart patients cross the Roosevelt Bridge from Rio and Port Salerno in about twenty minutes.\nShort line.";
    const signals = pageSignals(text, "Acupuncture in Stuart, FL");
    expect(signals.generic.map((g) => g.excerpt)).toEqual([
      "Residents of Stuart deserve compassionate, expert care from a team that truly…",
    ]);
    expect(signals.facts.length).toBeGreaterThanOrEqual(3);
  });
});
