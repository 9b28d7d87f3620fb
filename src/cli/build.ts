import { parseArgs } from "node:util";
import { formatFinding } from "../audit/index.ts";
import { build } from "../build/build.ts";
import { parseShard } from "../plan/shard.ts";
import { formatProblem } from "../problems.ts";
import { stagingFromEnv } from "../validate/environment.ts";
import { isEntryPoint, runCli } from "./command.ts";

const usage = `Usage: npm run build -- [options]

  --root DIR         project folder with site.yaml, locations/ and conditions/ (default: .)
  --out DIR          where to write the site (default: <root>/output)
  --report DIR       where to write the build report and manifest (default: report/ beside --out)
  --base-url URL     site origin for this build, e.g. a staging host (or CLINIC_PAGES_BASE_URL)
  --staging          noindex on every page, robots.txt disallows all, no sitemap (or CLINIC_PAGES_ENV=staging)
  --since FILE       a previous manifest.json; report/manifest.json then lists the changes
  --timings          print the seconds each stage took
  --shard i/n        build only share i of n (for several CI runners); join them with npm run combine
  --chunk-size N     pages rendered, checked and written together (default 250); memory grows with it
  --threads N        worker threads for rendering and checks (default: one per core, or CLINIC_PAGES_THREADS)
  --memory MB        memory budget: the build stops with advice instead of crashing (or CLINIC_PAGES_MEMORY_MB)

Exit code 0: the site in --out is publishable. 1: problems in the data or the built pages
(listed on stderr); the previous output is untouched.`;

/** The command's body; tests call it in-process with their own arguments. */
export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      root: { type: "string", default: "." },
      out: { type: "string" },
      report: { type: "string" },
      "base-url": { type: "string" },
      staging: { type: "boolean" },
      since: { type: "string" },
      timings: { type: "boolean" },
      shard: { type: "string" },
      "chunk-size": { type: "string" },
      threads: { type: "string" },
      memory: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const started = performance.now();
  const shard = parseShard(values.shard);
  if (typeof shard === "string") {
    console.error(shard);
    return 1;
  }
  const numbers = positiveNumbers({
    "--chunk-size": values["chunk-size"],
    "--threads": values.threads,
    "--memory": values.memory ?? process.env.CLINIC_PAGES_MEMORY_MB,
  });
  if (typeof numbers === "string") {
    console.error(numbers);
    return 1;
  }
  const result = await build({
    shard,
    chunkSize: numbers["--chunk-size"],
    threads: numbers["--threads"],
    memoryMb: numbers["--memory"],
    root: values.root!,
    outDir: values.out,
    reportDir: values.report,
    baseUrl: values["base-url"] ?? process.env.CLINIC_PAGES_BASE_URL,
    staging: values.staging ?? stagingFromEnv(),
    since: values.since,
  });
  for (const warning of result.warnings) console.warn(`warning: ${formatProblem(warning)}`);
  for (const finding of result.audit.findings) console.warn(`warning: ${formatFinding(finding)}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const count = result.warnings.length + result.audit.findings.length;
  const warnings = count === 1 ? "1 warning" : `${count} warnings`;
  if (values.timings)
    console.log(
      `Stages: ${Object.entries(result.timings)
        .map(([stage, s]) => `${stage} ${s.toFixed(1)} s`)
        .join(", ")}`,
    );
  if (shard) {
    console.log(
      `Built shard ${shard.index}/${shard.count}: ${result.pages} pages into ${result.outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s. Join the shards with npm run combine.`,
    );
    return 0;
  }
  const sitemap = result.staging ? "staging: noindex, no sitemap" : `${result.indexable} in the sitemap`;
  console.log(
    `Built ${result.pages} pages (${sitemap}) into ${result.outDir} in ${seconds} s, ${warnings}. Report: ${result.reportDir}`,
  );
  return 0;
}

/** Whole numbers ≥ 1 for the given options (undefined when not given), or the message for the first bad one. */
function positiveNumbers<K extends string>(
  given: Record<K, string | undefined>,
): Record<K, number | undefined> | string {
  const out = {} as Record<K, number | undefined>;
  for (const [name, text] of Object.entries(given) as Array<[K, string | undefined]>) {
    if (text === undefined) continue;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1)
      return `${name} expects a whole number of at least 1; got "${text}"`;
    out[name] = value;
  }
  return out;
}

if (isEntryPoint(import.meta.url)) runCli(main);
