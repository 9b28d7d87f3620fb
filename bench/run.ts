import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { packagePath } from "../src/pipeline/paths.ts";
import { generateProject } from "./generate.ts";

/**
 * Times a full clinic-pages build of ~10,000 pages next to bare Eleventy rendering the same
 * number of pages, alternating runs so both see the same machine noise. Reports medians and
 * the ratio. Usage: npm run bench -- [--locations 1430] [--rounds 3]
 */
const { values } = parseArgs({ options: { locations: { type: "string", default: "1430" }, rounds: { type: "string", default: "3" } } });
const work = packagePath(".cache/bench");
const project = join(work, "project");
const rounds = Number(values.rounds);

interface Run {
  seconds: number;
  peakMB: number;
}

function measure(script: string, args: string[]): Run {
  const rssFile = join(work, "rss.txt");
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", "tsx", "--import", packagePath("bench/rss-hook.ts"), script, ...args], {
    cwd: packagePath("."),
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    encoding: "utf8",
    // Thin synthetic pages produce thousands of warning lines.
    maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stderr}`);
  return { seconds, peakMB: Number(readFileSync(rssFile, "utf8")) / 1024 };
}

function countPages(dir: string): number {
  return readdirSync(dir).reduce((n, name) => {
    const path = join(dir, name);
    return n + (statSync(path).isDirectory() ? countPages(path) : name.endsWith(".html") ? 1 : 0);
  }, 0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

mkdirSync(work, { recursive: true });
generateProject(project, Number(values.locations));
// Fill the image cache once, untimed: the comparison with bare Eleventy is about pages, and
// image work has its own measurement below.
measure(packagePath("src/cli/build.ts"), ["--root", project, "--out", join(work, "ours-output")]);
const ours: Run[] = [];
const base: Run[] = [];
let pages = 0;
for (let round = 0; round < rounds; round++) {
  ours.push(measure(packagePath("src/cli/build.ts"), ["--root", project, "--out", join(work, "ours-output")]));
  pages = countPages(join(work, "ours-output"));
  base.push(measure(packagePath("bench/baseline.ts"), [String(pages), join(work, "baseline")]));
}
if (!existsSync(join(work, "baseline", "output"))) throw new Error("baseline produced no output");

const phases = spawnSync(process.execPath, ["--import", "tsx", packagePath("bench/phases.ts"), project], { cwd: packagePath("."), encoding: "utf8", maxBuffer: 1 << 30 });
if (phases.status !== 0) throw new Error(`bench/phases.ts failed:\n${phases.stderr}`);
const stages = JSON.parse(phases.stdout.trim().split("\n").pop()!) as {
  pages: number; threads: number; prepare: number; render: number; audit1: number; auditN: number; scaling: Array<{ pages: number; seconds: number }>;
};

const row = (name: string, runs: Run[]) => `${name.padEnd(30)} ${median(runs.map((r) => r.seconds)).toFixed(2).padStart(7)} s ${median(runs.map((r) => r.peakMB)).toFixed(0).padStart(7)} MB`;
console.log(`${pages} pages, ${rounds} alternating rounds, medians:`);
console.log(row("clinic-pages (full build)", ours));
console.log(row("bare Eleventy (one template)", base));
console.log(`ratio clinic-pages / bare Eleventy: time ${(median(ours.map((r) => r.seconds)) / median(base.map((r) => r.seconds))).toFixed(2)}×, peak memory ${(median(ours.map((r) => r.peakMB)) / median(base.map((r) => r.peakMB))).toFixed(2)}×`);

console.log(`\nstages of one build (${stages.pages} pages, in-process):`);
console.log(`  load + validate + plan   ${stages.prepare.toFixed(2)} s`);
console.log(`  render (Eleventy)        ${stages.render.toFixed(2)} s`);
console.log(`  audit, 1 thread          ${stages.audit1.toFixed(2)} s (${((stages.audit1 / stages.render) * 100).toFixed(0)}% of render)`);
console.log(`  audit, ${stages.threads} threads        ${stages.auditN.toFixed(2)} s (${((stages.auditN / stages.render) * 100).toFixed(0)}% of render)`);
console.log(`  audit growth (1 thread): ${stages.scaling.map((s) => `${s.pages} pages ${s.seconds.toFixed(2)} s (${((s.seconds / s.pages) * 1000).toFixed(2)} ms/page)`).join(", ")}`);

const imagesRun = spawnSync(process.execPath, ["--import", "tsx", packagePath("bench/images.ts")], { cwd: packagePath("."), encoding: "utf8", maxBuffer: 1 << 30 });
if (imagesRun.status !== 0) throw new Error(`bench/images.ts failed:\n${imagesRun.stderr}`);
const img = JSON.parse(imagesRun.stdout.trim().split("\n").pop()!) as Record<"sampleCold" | "sampleWarm" | "cardsCold" | "cardsWarm", { images: number; cached: number; seconds: number; perSecond: number }> & { peakMB: number };
const line = (name: string, r: { images: number; cached: number; seconds: number; perSecond: number }) =>
  `  ${name.padEnd(28)} ${String(r.images).padStart(5)} images, ${String(r.cached).padStart(5)} cached, ${r.seconds.toFixed(2).padStart(6)} s, ${r.perSecond.toFixed(0).padStart(6)}/s`;
console.log("\nimages (sharp, one image per core):");
console.log(line("sample site, cold cache", img.sampleCold));
console.log(line("sample site, warm cache", img.sampleWarm));
console.log(line("1,000 social cards, cold", img.cardsCold));
console.log(line("1,000 social cards, warm", img.cardsWarm));
console.log(`  peak memory ${img.peakMB.toFixed(0)} MB`);
