import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packagePath } from "../src/rules/package-paths.ts";

/** One measured child process: wall seconds, peak memory, what it printed. */
export interface Run {
  seconds: number;
  peakMB: number;
  stdout: string;
}

/**
 * Runs a TypeScript script in a child Node process; peak memory comes from its own maxRSS
 * (worker threads included). `work` holds the RSS file and the image cache every run shares,
 * so repeated runs stay warm. Throws with the end of stderr when the script fails.
 */
export function measureNode(work: string, script: string, args: string[]): Run {
  const rssFile = join(work, "rss.txt");
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "--import", packagePath("bench/rss-hook.ts"), script, ...args],
    {
      cwd: packagePath("."),
      env: { ...process.env, BENCH_RSS_FILE: rssFile, CLINIC_PAGES_CACHE: join(work, "image-cache") },
      encoding: "utf8",
      // Thin synthetic pages produce thousands of warning lines.
      maxBuffer: 1 << 30,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0)
    throw new Error(
      `${script} ${args.join(" ")} failed (exit ${result.status}):\n${result.stderr.slice(-4000)}`,
    );
  return { seconds, peakMB: Number(readFileSync(rssFile, "utf8")) / 1024, stdout: result.stdout };
}
