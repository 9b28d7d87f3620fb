import { existsSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureSite, temp } from "./helpers.ts";
import { serve } from "./static-server.ts";

const chromium = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** One page of every kind; the 404 page is deliberately noindex, so only its other scores count. */
const pages = [
  ["home", "/"],
  ["locations index", "/locations/"],
  ["location hub", "/locations/red-bank-nj/"],
  ["condition hub", "/acupuncture-for-sciatica/"],
  ["condition × location", "/acupuncture-for-sciatica/red-bank-nj/"],
  ["404", "/404.html"],
] as const;

/**
 * The pages are static files on localhost with no scripts, so Lighthouse's waits for a busy
 * network and CPU (a second each by default) only add time; no performance is measured.
 */
const quick = { pauseAfterFcpMs: 50, pauseAfterLoadMs: 50, networkQuietThresholdMs: 50, cpuQuietThresholdMs: 50, disableFullPageScreenshot: true, skipAboutBlank: true };

describe("Lighthouse: SEO, accessibility and best practices score 100 on every page kind", () => {
  let site: Awaited<ReturnType<typeof serve>>;
  let chrome: chromeLauncher.LaunchedChrome;

  beforeAll(async () => {
    expect(existsSync(chromium), `Chromium is needed at ${chromium} (CI installs Debian's chromium)`).toBe(true);
    site = await serve(fixtureSite());
    chrome = await chromeLauncher.launch({ chromePath: chromium, chromeFlags: flags, userDataDir: temp("chrome") });
  });

  afterAll(async () => {
    await chrome?.kill();
    await site?.close();
  });

  for (const [kind, url] of pages) {
    it(kind, async () => {
      const result = await lighthouse(`${site.origin}${url}`, { port: chrome.port, logLevel: "error", onlyCategories: ["seo", "accessibility", "best-practices"], ...quick });
      const lhr = result!.lhr;
      const failing = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && ["binary", "numeric"].includes(a.scoreDisplayMode));
      const expected = kind === "404" ? ["is-crawlable"] : [];
      expect(failing.map((a) => a.id)).toEqual(expected);
      expect(lhr.categories.accessibility!.score).toBe(1);
      expect(lhr.categories["best-practices"]!.score).toBe(1);
      if (kind !== "404") expect(lhr.categories.seo!.score).toBe(1);
    });
  }
});
