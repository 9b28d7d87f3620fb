import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { judgeUniqueness, measureKind, type GatePage, type GateSettings } from "./uniqueness-gate.ts";
import { wordHashes } from "./uniqueness.ts";
import { pageSignals } from "./uniqueness-text.ts";

const settings: GateSettings = { fail: 0.8, warn: 0.55, minLocalFacts: 5, onThin: "fail" };

let seed = 7;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const vocabulary = Array.from({ length: 4000 }, (_, i) => `w${i.toString(36)}`);
const prose = (n: number) =>
  Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(" ");

/** A page as the gate sees it, from plain text (blocks separated by newlines). */
function page(url: string, kind: string, sources: string[], h1: string, text: string): GatePage {
  return { url, kind, sources, h1Text: h1, words: wordHashes(text), ...pageSignals(text, h1) };
}

const cities = ["Alder Springs", "Birch Harbor", "Cedar Point", "Dune Ridge"];
const conditions = ["Sciatica", "Neck Pain", "Back Pain"];
const slug = (name: string) => name.toLowerCase().replace(/ /g, "-");

/** Local copy with facts of its own: named streets, a drive time, a landmark. */
function localCopy(city: string, i: number): string {
  return (
    `People from ${city} reach us from Elm Avenue ${i}0 and the Old Mill ${city.split(" ")[0]} Bridge in ${12 + i} minutes. ${prose(120)}\n` +
    `Many work at the ${city.split(" ")[0]} Yards and the Saint ${city.split(" ")[1]} School; exit ${40 + i} of Route ${9 + i} is nearest. ${prose(80)}`
  );
}

/** Every condition × city page, the condition's long copy shared by all its pages. */
const conditionTexts = () => Object.fromEntries(conditions.map((c) => [c, prose(600)]));

function site(copy: Record<string, string>, conditionCopy = conditionTexts()): GatePage[] {
  return conditions.flatMap((condition) =>
    cities.map((city) =>
      page(
        `/${slug(condition)}/${slug(city)}/`,
        "conditionLocation",
        [`locations/${slug(city)}.md`, `conditions/${slug(condition)}.md`],
        `Acupuncture for ${condition} in ${city}`,
        `${copy[city]}\n${conditionCopy[condition]}`,
      ),
    ),
  );
}

const originalCopy = () => Object.fromEntries(cities.map((c, i) => [c, localCopy(c, i)]));

describe("uniqueness gate", () => {
  it("compares siblings after removing what their shared file puts on every page", () => {
    const result = judgeUniqueness(site(originalCopy()), settings);
    expect(result.findings).toEqual([]);
    for (const u of result.pages.values()) expect(u.similarity!).toBeLessThan(0.2);
  });

  it("reports a name-swapped city once, on its location file, never on a condition file", () => {
    const copy = originalCopy();
    copy["Dune Ridge"] = copy["Cedar Point"]!.replace(/Cedar Point/g, "Dune Ridge");
    const result = judgeUniqueness(site(copy), settings);
    const duplicates = result.findings.filter((f) => f.check === "uniqueness.duplicate");
    expect(duplicates.map((f) => f.files)).toEqual([
      ["locations/cedar-point.md"],
      ["locations/dune-ridge.md"],
    ]);
    expect(duplicates[1]!.message).toMatch(/^3 pages built from it are near-duplicates/);
    expect(result.pages.get("/sciatica/dune-ridge/")!.similarTo).toBe("/sciatica/cedar-point/");
  });

  it('says "no sibling" for a page with nothing of its kind to compare with', () => {
    const result = judgeUniqueness([page("/", "home", ["site.yaml"], "Welcome", prose(200))], settings);
    expect(result.pages.get("/")).toMatchObject({ similarity: null, status: "ok" });
  });

  it("never raises a page's similarity when original copy is added to its location", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 60 }), (extra, copied) => {
        const copy = originalCopy();
        // Some copied text makes the starting point close, so a fall is visible.
        copy["Dune Ridge"] = `${copy["Dune Ridge"]}\n${copy["Cedar Point"]!.split(" ")
          .slice(0, copied * 4)
          .join(" ")}`;
        const shared = conditionTexts();
        const before = measureKind(site(copy, shared));
        // Original copy: words no other page uses, so none of its shingles or pairs occur elsewhere.
        copy["Dune Ridge"] = `${copy["Dune Ridge"]}\n${prose(extra).replace(/\bw/g, "x")}`;
        const pages = site(copy, shared);
        const after = measureKind(pages);
        return after.matches.every(
          (m, k) =>
            m!.similarity <= before.matches[k]!.similarity + 1e-9 || !pages[k]!.url.includes("dune-ridge"),
        );
      }),
      { numRuns: 40 },
    );
  });

  it("refuses a city whose copy names no facts of its own, however long, and lists its generic paragraphs", () => {
    const copy = originalCopy();
    const praise = (n: number) =>
      Array.from(
        { length: n },
        (_, i) =>
          `Residents of Dune Ridge deserve caring expert attention ${prose(30)} every single day ${i}.`,
      ).join("\n");
    copy["Dune Ridge"] = praise(40).replace(/ \d+\./g, ".");
    const result = judgeUniqueness(site(copy), settings);
    const generic = result.findings.filter((f) => f.check === "uniqueness.generic");
    expect(generic).toHaveLength(1);
    expect(generic[0]).toMatchObject({ files: ["locations/dune-ridge.md"], severity: "error" });
    expect(generic[0]!.message).toContain('"Residents of Dune Ridge deserve caring expert attention');
    expect(result.pages.get("/neck-pain/dune-ridge/")).toMatchObject({ status: "refused", localFacts: 0 });
    expect(result.pages.get("/neck-pain/dune-ridge/")!.similarity!).toBeLessThan(0.55);
  });
});
