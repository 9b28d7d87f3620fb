/**
 * Screenshots of every page kind, desktop (1280×800) and mobile (390×844), with Debian's
 * Chromium. Builds the sample site into a temporary folder unless --site DIR gives a built one.
 *
 *   npm run screenshots                 # writes docs/screens/<kind>-desktop.png and -mobile.png
 *   npm run screenshots -- --out /tmp/shots --full   # full-length pages, elsewhere
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { build } from "../src/build/build.ts";
import { launchChromium, pageKinds, viewports } from "../tests/browser.ts";
import { serve } from "../tests/static-server.ts";

const { values } = parseArgs({
  options: {
    site: { type: "string" },
    out: { type: "string", default: "docs/screens" },
    root: { type: "string", default: "." },
    full: { type: "boolean", default: false },
  },
});

async function main(): Promise<void> {
  let siteDir = values.site ? resolve(values.site) : "";
  const temp = mkdtempSync(join(tmpdir(), "clinic-shots-"));
  if (!siteDir) {
    siteDir = join(temp, "output");
    await build({ root: resolve(values.root!), outDir: siteDir });
  }
  const outDir = resolve(values.out!);
  mkdirSync(outDir, { recursive: true });
  const site = await serve(siteDir);
  const browser = await launchChromium();
  try {
    for (const [kind, url] of pageKinds(siteDir)) {
      for (const [name, viewport] of Object.entries(viewports)) {
        const page = await browser.newPage();
        await page.setViewport(viewport);
        await page.goto(`${site.origin}${url}`, { waitUntil: "load" });
        const shot = await page.screenshot({ fullPage: values.full, type: "png" });
        // A 256-colour palette keeps each screenshot small enough to commit.
        const file = join(outDir, `${kind}-${name}.png`);
        await sharp(shot).png({ palette: true, quality: 90, effort: 8 }).toFile(file);
        console.log(`${file}  (${url})`);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await site.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

await main();
