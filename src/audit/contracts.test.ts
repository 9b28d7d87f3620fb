import { describe, expect, it } from "vitest";
import { pageAttributes } from "../rules/page-markup.ts";
import { pageChecks, type AuditContext } from "./checks.ts";
import { parsePage } from "./parse.ts";
import { defaultClaimPhrases } from "../validate/site-schema.ts";

const ctx: AuditContext = {
  origin: "https://clinic.test",
  urls: new Set(["/a/"]),
  quality: {
    uniqueness: { min: 0.15, warn: 0.25 },
    onThin: "fail",
    reviewMaxAgeMonths: 12,
    claims: { phrases: defaultClaimPhrases, allowInCitations: true },
    thirdPartyHosts: [],
  },
  today: "2026-11-25",
};

function page(head: string, main: string, body = "<body>") {
  return `<!doctype html><html lang="en"><head><title>A good title for the page</title><meta name="description" content="${"d".repeat(100)}"><link rel="canonical" href="https://clinic.test/a/">${head}</head>${body}<main><h1>Heading</h1>${main}</main></body></html>`;
}

const checks = (html: string) =>
  pageChecks.flatMap((check) => check("/a/", parsePage(html), ctx)).map((f) => f.check);
const ld = (graph: unknown[]) =>
  `<script type="application/ld+json">${JSON.stringify({ "@graph": graph })}</script>`;

describe("what the audit reads from a page is named, not guessed", () => {
  it("finds the nearby list and the review byline by their data attributes, not their classes", () => {
    const facts = parsePage(
      page(
        "",
        `<ul class="x" ${pageAttributes.nearby}><li><a href="/a/">Here</a></li></ul><p class="y" ${pageAttributes.reviewed}>Reviewed by A <time datetime="2026-10-01">x</time></p>`,
      ),
    );
    expect(facts.links[0]!.nearby).toBe(true);
    expect(facts.reviewed).toEqual({ text: "Reviewed by A x", datetime: "2026-10-01" });
    const byClass = parsePage(
      page(
        "",
        '<ul class="nearby"><li><a href="/a/">Here</a></li></ul><p class="reviewed">Reviewed by A</p>',
      ),
    );
    expect(byClass.links[0]!.nearby).toBe(false);
    expect(byClass.reviewed).toBeUndefined();
  });

  it("reads the page kind from its body attribute", () => {
    expect(parsePage(page("", "", `<body ${pageAttributes.kind}="condition">`)).kind).toBe("condition");
  });

  it("treats a page as medical when its graph says MedicalWebPage, not when its text mentions the word", () => {
    const mention = ld([{ "@type": "WebPage", name: 'About "MedicalWebPage" markup' }]);
    expect(checks(page(mention, "<p>Plain page</p>"))).toEqual([]);
    const medical = ld([{ "@type": ["MedicalWebPage"], name: "Sciatica" }]);
    expect(checks(page(medical, "<p>Plain page</p>"))).toEqual([
      "medical.reviewer",
      "medical.review-date",
      "medical.citation",
    ]);
  });
});
