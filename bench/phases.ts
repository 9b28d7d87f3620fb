import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditSiteParallel } from "../src/audit/index.ts";
import { defaultThreads } from "../src/audit/parallel.ts";
import { prepare } from "../src/pipeline/index.ts";
import { renderWithEleventy as renderSite } from "../src/render/eleventy-run.ts";

/**
 * Times each stage of one build in-process and prints JSON: prepare (load, validate, plan),
 * render (Eleventy), and the audit on 1 thread and on every core, plus the audit of the
 * first quarter and half of the pages to show how its cost grows with the site.
 * Usage: tsx bench/phases.ts PROJECT_DIR
 */
const project = process.argv[2]!;
const seconds = (start: number) => (performance.now() - start) / 1000;

let start = performance.now();
const { plan, model, data } = prepare(project);
const prepareSeconds = seconds(start);
start = performance.now();
const built = await renderSite(data, join(mkdtempSync(join(tmpdir(), "bench-phases-")), "out"));
const renderSeconds = seconds(start);
const options = { origin: data.origin, quality: model.site.quality, today: "2026-11-25" };

async function auditTime(count: number, threads: number): Promise<number> {
  const pages = built.slice(0, count);
  const begin = performance.now();
  await auditSiteParallel(pages, plan, { ...options, threads });
  return seconds(begin);
}

const threads = defaultThreads();
const result = {
  pages: built.length,
  threads,
  prepare: prepareSeconds,
  render: renderSeconds,
  audit1: await auditTime(built.length, 1),
  auditN: await auditTime(built.length, threads),
  scaling: [
    { pages: Math.floor(built.length / 4), seconds: await auditTime(Math.floor(built.length / 4), 1) },
    { pages: Math.floor(built.length / 2), seconds: await auditTime(Math.floor(built.length / 2), 1) },
    { pages: built.length, seconds: 0 },
  ],
};
result.scaling[2]!.seconds = result.audit1;
console.log(JSON.stringify(result));
