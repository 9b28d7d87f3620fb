import { describe, expect, it } from "vitest";
import { defaultClaimPhrases } from "../validate/site-schema.ts";
import { pageChecks, monthsBetween, type AuditContext } from "./checks.ts";
import { parsePage } from "./parse.ts";

const quality = {
  uniqueness: { fail: 0.8, warn: 0.55, minLocalFacts: 5 },
  onThin: "fail" as const,
  reviewMaxAgeMonths: 12,
  claims: { phrases: defaultClaimPhrases, allowInCitations: true },
  thirdPartyHosts: [] as string[],
};

function ctx(extra: Partial<AuditContext> = {}): AuditContext {
  return {
    origin: "https://clinic.test",
    urls: new Set(["/", "/a/", "/b/"]),
    quality,
    today: "2026-11-25",
    ...extra,
  };
}

const medicalLd = '<script type="application/ld+json">{"@graph":[{"@type":"MedicalWebPage"}]}</script>';

function page({ head = "", main = "", lang = ' lang="en"' } = {}) {
  return `<!doctype html><html${lang}><head><title>A good title for the page</title><meta name="description" content="${"d".repeat(100)}"><link rel="canonical" href="https://clinic.test/a/">${head}</head><body><main><h1>Heading</h1>${main}</main></body></html>`;
}

function run(html: string, context = ctx()) {
  const facts = parsePage(html);
  return pageChecks.flatMap((check) => check("/a/", facts, context));
}

const ids = (html: string, context?: AuditContext) => run(html, context).map((f) => f.check);

describe("on-page SEO checks", () => {
  it("pass a clean page", () => {
    expect(run(page())).toEqual([]);
  });

  it("need exactly one h1, a lang and an absolute canonical on the site's origin", () => {
    expect(ids(page({ main: "<h1>Second</h1>" }))).toContain("seo.h1");
    expect(ids(page({ lang: "" }))).toContain("seo.lang");
    expect(ids(page().replace("https://clinic.test/a/", "/a/"))).toContain("seo.canonical");
    expect(ids(page().replace("https://clinic.test/a/", "https://other.test/a/"))).toContain("seo.canonical");
  });

  it("warn about long titles and descriptions outside 70–160 characters", () => {
    const findings = run(
      page().replace("A good title for the page", "t".repeat(61)).replace("d".repeat(100), "short"),
    );
    expect(
      findings
        .filter((f) => f.severity === "warning")
        .map((f) => f.check)
        .sort(),
    ).toEqual(["seo.description-length", "seo.title-length"]);
  });

  it("refuse skipped heading levels", () => {
    const found = run(page({ main: "<h2>Section</h2><h4>Too deep</h4>" }));
    expect(found.map((f) => f.check)).toEqual(["seo.heading-order"]);
    expect(found[0]!.message).toContain("h4 follows h2");
  });

  it("need alt text and dimensions on every image", () => {
    expect(ids(page({ main: '<img src="/x.png" width="1" height="1">' }))).toEqual(["seo.img-alt"]);
    expect(ids(page({ main: '<img src="/x.png" alt="">' }))).toEqual(["seo.img-size"]);
  });

  it("resolve internal links and same-page anchors; ignore other sites and tel: links", () => {
    expect(
      ids(
        page({
          main: '<a href="/b/#faq">ok</a><a href="https://doi.org/10.1/x">ok</a><a href="tel:+15555550100">call</a>',
        }),
      ),
    ).toEqual([]);
    expect(ids(page({ main: '<a href="/missing/">x</a>' }))).toEqual(["seo.link-broken"]);
    expect(ids(page({ main: '<a href="#nope">x</a><a href="/a/#top" id="top">y</a>' }))).toEqual([
      "seo.anchor-broken",
    ]);
    expect(ids(page({ main: '<a href="https://clinic.test/b">x</a>' }))).toEqual([]);
  });

  it("refuse a page listing itself as nearby", () => {
    expect(
      ids(page({ main: '<ul class="nearby" data-nearby><li><a href="/a/">Here</a></li></ul>' })),
    ).toEqual(["seo.nearby-self"]);
  });
});

describe("medical checks", () => {
  const byline =
    '<p class="reviewed" data-reviewed>Medically reviewed by <strong>Ann</strong> on <time datetime="2026-10-01">October 1, 2026</time>.</p>';
  const cite = "<p><cite>A study</cite></p>";

  it("pass a reviewed, cited condition page", () => {
    expect(run(page({ head: medicalLd, main: byline + cite }))).toEqual([]);
  });

  it("need a byline, a fresh review date and a citation on condition pages only", () => {
    expect(ids(page({ head: medicalLd, main: cite })).sort()).toEqual([
      "medical.review-date",
      "medical.reviewer",
    ]);
    expect(ids(page({ head: medicalLd, main: byline }))).toEqual(["medical.citation"]);
    expect(ids(page({ head: medicalLd, main: byline.replace("2026-10-01", "2025-11-25") + cite }))).toEqual([
      "medical.review-stale",
    ]);
    expect(ids(page({ head: medicalLd, main: byline.replace("2026-10-01", "2025-11-26") + cite }))).toEqual(
      [],
    );
    expect(ids(page({ main: "" }))).toEqual([]);
  });

  it("flag claim phrases as whole words, anywhere in the main text, but not in citations or navigation", () => {
    expect(ids(page({ main: "<p>We cure it. Results guaranteed!</p>" }))).toEqual([
      "medical.claim",
      "medical.claim",
    ]);
    expect(ids(page({ main: "<p>Procured by a secure process.</p>" }))).toEqual([]);
    expect(
      ids(page({ main: "<p>Our <cite>Clinically proven methods</cite> study.</p><nav>cure</nav>" })),
    ).toEqual([]);
    expect(ids(page({ main: "<p>It is 100% safe with no   side effects.</p>" }))).toEqual([
      "medical.claim",
      "medical.claim",
    ]);
  });

  it("uses a configurable phrase list", () => {
    const custom = ctx({
      quality: { ...quality, claims: { phrases: ["pain-free"], allowInCitations: false } },
    });
    expect(ids(page({ main: "<p>Be pain-free. We cure it.</p>" }), custom)).toEqual(["medical.claim"]);
  });

  it("counts whole months", () => {
    expect(monthsBetween("2025-11-25", "2026-11-25")).toBe(12);
    expect(monthsBetween("2025-11-26", "2026-11-25")).toBe(11);
  });
});

describe("privacy check", () => {
  const tracker =
    '<script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script><img src="https://px.ads.example/p.gif" alt="" width="1" height="1">';

  it("refuses third-party scripts and pixels on condition pages, listing each host", () => {
    const found = run(
      page({
        head: medicalLd,
        main: `<p class="reviewed" data-reviewed>Reviewed by A <time datetime="2026-10-01">x</time></p><cite>c</cite>${tracker}`,
      }),
    );
    expect(found.filter((f) => f.check === "privacy.third-party").map((f) => f.message)).toEqual([
      "loads a script, pixel, frame or file from px.ads.example on a condition page",
      "loads a script, pixel, frame or file from www.googletagmanager.com on a condition page",
    ]);
  });

  it("allows hosts the site lists, and does not judge other pages", () => {
    const allowed = ctx({
      quality: { ...quality, thirdPartyHosts: ["www.googletagmanager.com", "px.ads.example"] },
    });
    expect(
      ids(
        page({
          head: medicalLd,
          main: `<p class="reviewed" data-reviewed>Reviewed by A <time datetime="2026-10-01">x</time></p><cite>c</cite>${tracker}`,
        }),
        allowed,
      ),
    ).toEqual([]);
    expect(ids(page({ main: tracker }))).toEqual([]);
  });
});

describe("site-wide checks", () => {
  it("verify anchors on other pages and unique titles once every page is known", async () => {
    const { auditSite } = await import("./index.ts");
    const plan = { pages: [], byKind: {} } as never;
    const html = (title: string, body: string) =>
      page({ main: body }).replace("A good title for the page", title);
    const result = auditSite(
      [
        {
          url: "/a/",
          html: html(
            "Same title for two pages here",
            '<a href="/b/#faq">ok</a><a href="/b/#gone">broken</a>',
          ),
        },
        {
          url: "/b/",
          html: html("Same title for two pages here", '<p id="faq">x</p>').replace(
            "https://clinic.test/a/",
            "https://clinic.test/b/",
          ),
        },
      ],
      plan,
      { origin: "https://clinic.test", quality, today: "2026-11-25" },
    );
    expect(
      result.findings
        .filter((f) => ["seo.anchor-broken", "seo.title-duplicate"].includes(f.check))
        .map((f) => `${f.page} ${f.check}`),
    ).toEqual(["/a/ seo.anchor-broken", "/a/ seo.title-duplicate", "/b/ seo.title-duplicate"]);
  });

  it("#11 names five pages with the same title and counts the rest, however many share it", async () => {
    const { auditSite } = await import("./index.ts");
    const plan = { pages: [], byKind: {} } as never;
    const pages = Array.from({ length: 8 }, (_, i) => ({
      url: `/p${i}/`,
      html: page({ main: "<p>x</p>" })
        .replace("A good title for the page", "One title for eight pages")
        .replace("https://clinic.test/a/", `https://clinic.test/p${i}/`),
    }));
    const result = auditSite(pages, plan, { origin: "https://clinic.test", quality, today: "2026-11-25" });
    const first = result.findings.find((f) => f.check === "seo.title-duplicate" && f.page === "/p0/")!;
    expect(first.message).toBe("has the same title as /p1/, /p2/, /p3/, /p4/, /p5/ and 2 other pages");
    const last = result.findings.find((f) => f.check === "seo.title-duplicate" && f.page === "/p7/")!;
    expect(last.message).toBe("has the same title as /p0/, /p1/, /p2/, /p3/, /p4/ and 2 other pages");
  });
});
