import { cpSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { defaultConfig } from "lighthouse";
import { pageFunctions } from "lighthouse/core/lib/page-functions.js";
import { build } from "./src/build/build.ts";
import { serve } from "./tests/static-server.ts";
(pageFunctions as any).computeBenchmarkIndex = () => 1000;
const root = mkdtempSync("/tmp/clinic-lh-");
cpSync("tests/fixtures/mini", join(root, "p"), { recursive: true });
await build({ root: join(root, "p"), outDir: join(root, "out"), cacheDir: join(root, "c"), today: "2026-11-25" } as any);
const site = await serve(join(root, "out"));
const chrome = await chromeLauncher.launch({ chromePath: "/usr/bin/chromium", chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", ...(process.env.FLAGS ? process.env.FLAGS.split(" ") : [])], userDataDir: mkdtempSync(join(root, "chrome")) });
const byCategory = defaultConfig.categories!;
const elsewhere = new Set(Object.entries(byCategory).filter(([id]) => id !== "performance").flatMap(([, c]) => c.auditRefs.map((r) => r.id)));
const skip = byCategory.performance!.auditRefs.filter((r) => !r.weight && !elsewhere.has(r.id)).map((r) => r.id);
const config: any = { extends: "lighthouse:default", settings: { onlyCategories: ["performance", "seo", "accessibility", "best-practices"], formFactor: "mobile", skipAudits: skip, disableFullPageScreenshot: true, ...(JSON.parse(process.env.EXTRA ?? "{}")) } };
for (const url of ["/", "/acupuncture-for-sciatica/red-bank-nj/", "/clinics/north/"]) {
  const t = performance.now();
  const r = await lighthouse(site.origin + url, { port: chrome.port, logLevel: "error" }, config);
  const lhr = r!.lhr;
  console.log(url, ((performance.now() - t) / 1000).toFixed(2), "s", Object.values(lhr.categories).map((c) => c.score).join(","));
  if (process.env.TIMING) for (const e of lhr.timing.entries.filter((e) => e.duration > 150).sort((a, b) => b.duration - a.duration).slice(0, 25)) console.log("   ", e.duration.toFixed(0), e.name);
}
await chrome.kill(); await site.close();
