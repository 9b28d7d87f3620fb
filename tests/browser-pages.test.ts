import { existsSync } from "node:fs";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, launchChromium, pageKinds, viewports } from "./browser.ts";
import { fixtureSite } from "./helpers.ts";
import { serve } from "./static-server.ts";

/** Real Chromium with JavaScript switched off: what a patient on a phone sees first. */
let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;
let kinds: Array<[string, string]>;

beforeAll(async () => {
  expect(existsSync(chromiumPath), `Chromium is needed at ${chromiumPath}`).toBe(true);
  // The unchanged fixture site, built once for the suite; these tests only read it.
  const out = fixtureSite();
  kinds = pageKinds(out);
  site = await serve(out);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

type Viewport = (typeof viewports)[keyof typeof viewports];

/** Every request each page load made, by URL and viewport, so a page is not loaded twice to list them. */
const requested = new Map<string, string[]>();
const requestKey = (url: string, viewport: Viewport) => `${viewport.width} ${url}`;

async function open(url: string, viewport: Viewport): Promise<Page> {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setViewport(viewport);
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(`${site.origin}${url}`, { waitUntil: "load" });
  requested.set(requestKey(url, viewport), requests);
  return page;
}

/** What loading `url` at `viewport` requested: recorded by an earlier test, or loaded now. */
async function requestsOf(url: string, viewport: Viewport): Promise<string[]> {
  if (!requested.has(requestKey(url, viewport))) await (await open(url, viewport)).close();
  return requested.get(requestKey(url, viewport))!;
}

/** Viewport box of the first element matching `selector` (puppeteer measures it; the page runs no script). */
async function box(page: Page, selector: string) {
  const handle = await page.$(selector);
  return handle ? await handle.boundingBox() : null;
}

describe("#13 in a browser without JavaScript", () => {
  it("every page kind is measured", () => {
    expect(kinds.map(([kind]) => kind)).toEqual(
      expect.arrayContaining([
        "home",
        "locations-index",
        "location",
        "condition-hub",
        "condition-city",
        "privacy",
      ]),
    );
  });

  it("on a 390 px phone the call/book bar stays at the bottom of the screen while scrolling, and the booking card starts above the fold", async () => {
    for (const [kind, url] of kinds) {
      const page = await open(url, viewports.mobile);
      const height = viewports.mobile.height;
      const bar = await box(page, "[data-action-bar]");
      expect(bar, kind).not.toBeNull();
      expect(Math.round(bar!.y + bar!.height), kind).toBe(height);
      const call = await box(page, "[data-action-bar] a[href^='tel:']");
      expect(call!.height, kind).toBeGreaterThanOrEqual(44);
      const card = await box(page, "[data-booking-card]");
      expect(card!.y, `${kind}: booking card top`).toBeLessThan(bar!.y - 60);
      // Scroll far down with the keyboard (no script needed): the bar is still on screen.
      await page.keyboard.press("End");
      await new Promise((resolve) => setTimeout(resolve, 150));
      const after = await box(page, "[data-action-bar]");
      expect(Math.round(after!.y + after!.height), `${kind} after scrolling`).toBe(height);
      const scrolled = await page.evaluate(() => window.scrollY);
      expect(scrolled, kind).toBeGreaterThan(500);
      await page.close();
    }
  });

  it("at 1280×800 the booking card and its first button are above the fold, and the bar is hidden", async () => {
    for (const [kind, url] of kinds) {
      const page = await open(url, viewports.desktop);
      const button = await box(page, "[data-booking-card] .button");
      expect(button, kind).not.toBeNull();
      expect(button!.y + button!.height, kind).toBeLessThanOrEqual(viewports.desktop.height);
      expect(await box(page, "[data-action-bar]"), kind).toBeNull();
      const header = await box(page, "[data-header-contact] a[href^='tel:']");
      expect(header!.y, kind).toBeLessThan(100);
      await page.close();
    }
  });

  it("no page kind requests anything from another host", async () => {
    for (const [kind, url] of kinds) {
      for (const viewport of Object.values(viewports)) {
        const requests = await requestsOf(url, viewport);
        expect(requests.length, kind).toBeGreaterThan(1);
        expect(
          requests.filter((r) => !r.startsWith(site.origin) && !r.startsWith("data:")),
          kind,
        ).toEqual([]);
      }
    }
  });
});
