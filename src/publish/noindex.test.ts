import { describe, expect, it } from "vitest";
import { noindexHtml } from "./noindex.ts";

const head = (tag: string) =>
  `<head><title>T</title>\n${tag}\n<meta property="og:type" content="website"></head>`;

describe("keeping a rendered page out of search", () => {
  it("puts the robots noindex tag where the canonical link was", () => {
    const html = head('<link rel="canonical" href="https://clinic.test/a/">');
    expect(noindexHtml(html)).toBe(head('<meta name="robots" content="noindex">'));
  });

  it("leaves a page the plan already made noindex as it is (the 404 page in a staging build)", () => {
    const html = head('<meta name="robots" content="noindex">');
    expect(noindexHtml(html)).toBe(html);
  });

  it("refuses a page that has neither, rather than publish it open to search engines", () => {
    expect(() => noindexHtml(head('<link rel="canonical" href="https://clinic.test/a/" />'))).toThrow(
      /neither a canonical link nor a robots noindex tag/,
    );
  });
});
