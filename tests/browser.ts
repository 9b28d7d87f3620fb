import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";

/** Debian's Chromium, or CHROME_PATH. */
export const chromiumPath = process.env.CHROME_PATH ?? "/usr/bin/chromium";

/** Flags for a quiet, reproducible headless Chromium that talks to nothing but the test server. */
export const chromiumFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

/** A phone (390 px, like an iPhone 14) and a laptop screen. */
export const viewports = {
  mobile: { width: 390, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
  desktop: { width: 1280, height: 800, deviceScaleFactor: 1 },
} as const;

/** Launches Chromium with a fresh profile, removed again on close. */
export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "clinic-chromium-"));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    args: chromiumFlags,
    userDataDir: profile,
    headless: true,
  });
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await close();
    rmSync(profile, { recursive: true, force: true });
  };
  return browser;
}

function firstDir(dir: string, prefix = ""): string | undefined {
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.startsWith(prefix))
    .map((e) => e.name)
    .sort()[0];
}

/** One URL per public page kind in a built site, found from its folders (kinds not built are left out). */
export function pageKinds(site: string): Array<[string, string]> {
  const condition = firstDir(site, "acupuncture-for-") ?? firstDir(site, "");
  const location = firstDir(join(site, "locations"));
  const conditionCity = condition ? firstDir(join(site, condition)) : undefined;
  const clinic = firstDir(join(site, "clinics"));
  const person = firstDir(join(site, "team"));
  const kinds: Array<[string, string | undefined]> = [
    ["home", "/"],
    ["locations-index", "/locations/"],
    ["location", location && `/locations/${location}/`],
    ["condition-hub", condition && `/${condition}/`],
    ["condition-city", condition && conditionCity && `/${condition}/${conditionCity}/`],
    ["clinic", clinic && `/clinics/${clinic}/`],
    ["practitioner", person && `/team/${person}/`],
    ["privacy", "/privacy/"],
  ];
  return kinds.filter((k): k is [string, string] => typeof k[1] === "string");
}
