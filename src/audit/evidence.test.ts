import { describe, expect, it } from "vitest";
import { causalWords, evidenceWording } from "./evidence.ts";
import { parsePage } from "./parse.ts";

/** A page with one evidence summary, marked up as the evidence macro does. */
function findings(claim: string, comparison: string, scope = "in") {
  const html = `<html lang="en"><body><main><h1>Sciatica</h1><ol class="evidence"><li>
    <p data-evidence-comparison="${comparison}" data-evidence-scope="${scope}">${claim}</p>
    <p class="citation">Kim KH. <a href="https://doi.org/10.1/x"><cite>Acupuncture improves it</cite></a>.</p>
    </li></ol><p>Acupuncture relieves pain, says the clinic copy.</p></main></body></html>`;
  return evidenceWording("/a/", parsePage(html));
}

describe("#16: the evidence wording lint", () => {
  it("flags a causal verb for a study that compared acupuncture only with other acupuncture", () => {
    const [finding, ...rest] = findings(
      "Acupuncture was linked with improvements in walking.",
      "other-acupuncture",
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ check: "medical.evidence-wording", severity: "warning", page: "/a/" });
    expect(finding!.message).toContain('says "improvements"');
    expect(finding!.message).toContain("compared acupuncture only with other forms of acupuncture");
  });

  it("flags a causal verb for a study with no comparison group", () => {
    expect(findings("Acupuncture reduced pain.", "none")[0]!.message).toContain("no comparison group");
  });

  it("flags a causal verb for a study cited outside its scope, whatever its comparison", () => {
    expect(
      findings("Acupuncture relieved pain more than sham.", "sham usual-care", "out")[0]!.message,
    ).toContain("did not cover this condition");
  });

  it("accepts causal verbs backed by a sham, usual-care, no-treatment or drug comparison", () => {
    for (const comparison of [
      "sham",
      "usual-care",
      "no-treatment",
      "drugs",
      "other-treatment other-acupuncture",
    ]) {
      expect(
        findings("Acupuncture reduced pain more than the control group.", comparison),
        comparison,
      ).toEqual([]);
    }
  });

  it("reads only evidence summaries, not study titles or other copy", () => {
    expect(findings("The trials found no conclusive evidence.", "other-acupuncture")).toEqual([]);
  });

  it("ignores words in a negated sentence but not in the next one", () => {
    const words = causalWords(
      "It found no evidence that acupuncture improves walking. Needling eased cramps.",
    );
    expect(words.map((w) => w.word)).toEqual(["eased"]);
  });
});
