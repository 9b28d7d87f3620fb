import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { packagePath } from "../src/rules/package-paths.ts";
import { generateProject } from "./generate.ts";
import { measureNode as measure } from "./measure.ts";
import { installHugo, writeHugoSite } from "./hugo.ts";

/**
 * Times a full clinic-pages build (every gate on, warm image cache) next to Hugo and bare
 * Eleventy rendering the same number of pages, alternating runs so all three see the same
 * machine noise, and reports medians and ratios. Then, optionally, one build of a much larger
 * site against the same run's figures, and each stage at several sizes (bench/stages.ts) and
 * the image work (bench/images.ts).
 * Usage: npm run bench -- [--locations 1250] [--rounds 3] [--large 12500] [--stages 1000,2000,4000,8000] [--no-images]
 */
const { values } = parseArgs({
  options: {
    locations: { type: "string", default: "1250" },
    rounds: { type: "string", default: "3" },
    large: { type: "string" },
    stages: { type: "string" },
    "no-images": { type: "boolean" },
  },
});
const work = packagePath(".cache/bench");
const rounds = Number(values.rounds);

interface Run {
  seconds: number;
  peakMB: number;
}

function fail(what: string, result: ReturnType<typeof spawnSync>): never {
  throw new Error(`${what} failed (exit ${result.status}):\n${String(result.stderr).slice(-4000)}`);
}

const measureNode = (script: string, args: string[]): Run => measure(work, script, args);

/** Runs Hugo under GNU time for its peak memory. */
function measureHugo(site: string): Run {
  const started = performance.now();
  const result = spawnSync(
    "/usr/bin/time",
    ["-f", "%M", "hugo", "--quiet", "-s", site, "-d", join(site, "public")],
    { encoding: "utf8" },
  );
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) fail("hugo", result);
  return { seconds, peakMB: Number(result.stderr.trim().split("\n").pop()) / 1024 };
}

function hugoAvailable(): boolean {
  return spawnSync("hugo", ["version"], { encoding: "utf8" }).status === 0 && existsSync("/usr/bin/time");
}

function countPages(dir: string): number {
  return readdirSync(dir).reduce((n, name) => {
    const path = join(dir, name);
    if (name === "_report") return n;
    return n + (statSync(path).isDirectory() ? countPages(path) : name.endsWith(".html") ? 1 : 0);
  }, 0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (runs: Run[]) => median(runs.map((r) => r.seconds));
const peak = (runs: Run[]) => median(runs.map((r) => r.peakMB));
const row = (name: string, runs: Run[]) =>
  `  ${name.padEnd(34)} ${seconds(runs).toFixed(2).padStart(7)} s ${peak(runs).toFixed(0).padStart(6)} MB`;
const build = packagePath("src/cli/build.ts");
const buildArgs = (project: string) => ["--root", project, "--out", join(project, "..", "output")];

mkdirSync(work, { recursive: true });
const project = join(work, `project-${values.locations}`, "site");
generateProject(project, Number(values.locations));
// Fill the image cache once, untimed: the comparison is about pages (images have their own measurement).
measureNode(build, buildArgs(project));
const pages = countPages(join(project, "..", "output"));
const withHugo = hugoAvailable();
if (!withHugo) console.log(installHugo);
if (withHugo) writeHugoSite(pages, join(work, "hugo"));

/**
 * A build returns once its site is in place and removes the old one in the background; waiting
 * for that (untimed) keeps the removal out of the next measurement.
 */
function settle(project: string): void {
  const parent = join(project, "..");
  const started = Date.now();
  while (readdirSync(parent).some((name) => name.includes(".removing-")) && Date.now() - started < 120_000)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
}

const ours: Run[] = [];
const eleventy: Run[] = [];
const hugo: Run[] = [];
for (let round = 0; round < rounds; round++) {
  ours.push(measureNode(build, buildArgs(project)));
  settle(project);
  eleventy.push(measureNode(packagePath("bench/baseline.ts"), [String(pages), join(work, "baseline")]));
  if (withHugo) hugo.push(measureHugo(join(work, "hugo")));
}

console.log(
  `${pages.toLocaleString("en-US")} pages (${values.locations} locations), ${rounds} alternating rounds, medians (wall, peak RSS):`,
);
console.log(row("clinic-pages, full build, warm images", ours));
console.log(row("bare Eleventy, one template", eleventy));
if (withHugo)
  console.log(
    row(`Hugo (${spawnSync("hugo", ["version"], { encoding: "utf8" }).stdout.split(" ")[1]})`, hugo),
  );
const ratio = (a: Run[], b: Run[]) =>
  `time ${(seconds(a) / seconds(b)).toFixed(2)}×, peak memory ${(peak(a) / peak(b)).toFixed(2)}×`;
if (withHugo) console.log(`  clinic-pages / Hugo:          ${ratio(ours, hugo)}`);
console.log(`  clinic-pages / bare Eleventy: ${ratio(ours, eleventy)}`);

if (values.large) {
  const large = join(work, `project-${values.large}`, "site");
  generateProject(large, Number(values.large));
  console.log(`\nlarge site, ${values.large} locations: a first build, untimed (it draws the cards) …`);
  // Timed as a rebuild, like every 10,000-page round: the first build into an empty folder also
  // copies every card out of the cache (9 GB at 100,000 pages), which a rebuild links instead.
  const first = measureNode(build, buildArgs(large));
  settle(large);
  console.log(`  first build: ${first.seconds.toFixed(1)} s, peak ${first.peakMB.toFixed(0)} MB`);
  const run = measureNode(build, buildArgs(large));
  settle(large);
  const largePages = countPages(join(large, "..", "output"));
  console.log(
    `${largePages.toLocaleString("en-US")} pages, rebuild: ${run.seconds.toFixed(1)} s, peak ${run.peakMB.toFixed(0)} MB`,
  );
  console.log(
    `  wall against the ${pages.toLocaleString("en-US")}-page build of this run: ${(run.seconds / seconds(ours)).toFixed(2)}× for ${(largePages / pages).toFixed(1)}× the pages`,
  );
}

if (values.stages) {
  console.log(`\nstages at ${values.stages} locations (in-process; seconds):`);
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", packagePath("bench/stages.ts"), "--sizes", values.stages],
    { cwd: packagePath("."), encoding: "utf8", maxBuffer: 1 << 30 },
  );
  if (result.status !== 0) fail("bench/stages.ts", result);
  for (const line of result.stdout
    .trim()
    .split("\n")
    .filter((l) => l.startsWith("{"))) {
    const r = JSON.parse(line) as {
      locations: number;
      pages: number;
      stages: Record<string, number>;
      peakMB: number;
    };
    const perPage = (s: number) => `${((s / r.pages) * 1e6).toFixed(0)} µs/page`;
    console.log(
      `  ${String(r.locations).padStart(5)} locations, ${String(r.pages).padStart(6)} pages, peak ${r.peakMB} MB:`,
    );
    console.log(
      `    ${Object.entries(r.stages)
        .map(([stage, s]) => `${stage} ${s.toFixed(2)} s (${perPage(s)})`)
        .join(", ")}`,
    );
  }
}

if (!values["no-images"]) {
  const imagesRun = spawnSync(process.execPath, ["--import", "tsx", packagePath("bench/images.ts")], {
    cwd: packagePath("."),
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (imagesRun.status !== 0) fail("bench/images.ts", imagesRun);
  type Timing = { images: number; cached: number; seconds: number; perSecond: number };
  const img = JSON.parse(imagesRun.stdout.trim().split("\n").pop()!) as Record<
    "sampleCold" | "sampleWarm" | "cardsCold" | "cardsWarm",
    Timing
  > & { peakMB: number };
  const line = (name: string, r: Timing) =>
    `  ${name.padEnd(28)} ${String(r.images).padStart(5)} images, ${String(r.cached).padStart(5)} cached, ${r.seconds.toFixed(2).padStart(6)} s, ${r.perSecond.toFixed(0).padStart(6)}/s`;
  console.log("\nimages (sharp, one image per core):");
  console.log(line("sample site, cold cache", img.sampleCold));
  console.log(line("sample site, warm cache", img.sampleWarm));
  console.log(line("1,000 social cards, cold", img.cardsCold));
  console.log(line("1,000 social cards, warm", img.cardsWarm));
  console.log(`  peak memory ${img.peakMB.toFixed(0)} MB`);
}
