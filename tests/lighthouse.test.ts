import { existsSync } from "node:fs";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureSite, temp } from "./helpers.ts";
import { serve } from "./static-server.ts";

const chromium = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const flags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** One page of every kind; the 404 page is deliberately noindex, so only its other scores count. */
const pages = [
  ["home", "/"],
  ["locations index", "/locations/"],
  ["location hub", "/locations/red-bank-nj/"],
  ["condition hub", "/acupuncture-for-sciatica/"],
  ["condition × location", "/acupuncture-for-sciatica/red-bank-nj/"],
  ["privacy statement", "/privacy/"],
  // Clinic and practitioner pages come with issue 9; until they are built these two are reported as skipped.
  ["clinic", "/clinics/north/"],
  ["practitioner", "/team/ann-reviewer/"],
  ["404", "/404.html"],
] as const;

const categories = ["performance", "seo", "accessibility", "best-practices"];

describe("Lighthouse (mobile): performance, SEO, accessibility and best practices score 100 on every page kind", () => {
  let site: Awaited<ReturnType<typeof serve>>;
  let chrome: chromeLauncher.LaunchedChrome;
  let out: string;

  beforeAll(async () => {
    expect(existsSync(chromium), `Chromium is needed at ${chromium} (CI installs Debian's chromium)`).toBe(
      true,
    );
    out = fixtureSite();
    site = await serve(out);
    chrome = await chromeLauncher.launch({
      chromePath: chromium,
      chromeFlags: flags,
      userDataDir: temp("chrome"),
    });
  });

  afterAll(async () => {
    await chrome?.kill();
    await site?.close();
  });

  for (const [kind, url] of pages) {
    it(kind, async (ctx) => {
      if (!existsSync(join(out, url.endsWith("/") ? `${url}index.html` : url)))
        ctx.skip(`${url} is not built by this version`);
      // Lighthouse's default: a mid-range phone on a throttled connection (simulated).
      const result = await lighthouse(`${site.origin}${url}`, {
        port: chrome.port,
        logLevel: "error",
        onlyCategories: categories,
        formFactor: "mobile",
      });
      const lhr = result!.lhr;
      // Every audit of the other categories must pass; performance is judged by its score (metrics are curves).
      const perfAudits = new Set(lhr.categories.performance!.auditRefs.map((r) => r.id));
      const failing = Object.values(lhr.audits).filter(
        (a) =>
          !perfAudits.has(a.id) &&
          a.score !== null &&
          a.score < 1 &&
          ["binary", "numeric"].includes(a.scoreDisplayMode),
      );
      const expected = kind === "404" ? ["is-crawlable"] : [];
      const timings = [
        "first-contentful-paint",
        "largest-contentful-paint",
        "total-blocking-time",
        "cumulative-layout-shift",
        "speed-index",
      ].map((id) => `${id} ${lhr.audits[id]?.displayValue}`);
      expect(
        failing.map((a) => a.id),
        timings.join(", "),
      ).toEqual(expected);
      expect(lhr.categories.performance!.score, timings.join(", ")).toBe(1);
      expect(lhr.categories.accessibility!.score).toBe(1);
      expect(lhr.categories["best-practices"]!.score).toBe(1);
      if (kind !== "404") expect(lhr.categories.seo!.score).toBe(1);
    });
  }
});
