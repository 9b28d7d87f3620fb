import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { previewOutput } from "../src/render/eleventy-settings.js";
import { packagePath } from "../src/rules/package-paths.ts";

/**
 * How long a one-city edit takes to reach the preview (`npm start`) of the sample site: the time
 * from saving a location file to the preview's page for that city holding the new text, polled
 * every 5 ms. Runs the real server (Eleventy --serve with .eleventy.js) on a copy of the sample
 * in a temporary folder. Prints JSON with each edit's latency and the median.
 * Usage: tsx bench/preview.ts [edits]
 */
const edits = Number(process.argv[2] ?? 5);
const city = "red-bank-nj";

/** A copy of the sample project beside links to the package's templates and dependencies. */
export function previewProject(from = packagePath(".")): string {
  const root = mkdtempSync(join(tmpdir(), "clinic-preview-"));
  for (const name of ["site.yaml", "locations", "conditions", "images"])
    cpSync(join(from, name), join(root, name), { recursive: true });
  symlinkSync(packagePath("templates"), join(root, "templates"));
  symlinkSync(packagePath("node_modules"), join(root, "node_modules"));
  return root;
}

/** Starts `npm start`'s command in `root`, in its own process group so it can be stopped whole. */
export function startPreview(root: string, port: number): ChildProcess {
  const eleventy = packagePath("node_modules/@11ty/eleventy/cmd.cjs");
  const config = packagePath(".eleventy.js");
  return spawn(
    process.execPath,
    ["--import", "tsx", eleventy, "--serve", "--quiet", `--port=${port}`, `--config=${config}`],
    { cwd: root, detached: true, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, CI: "1" } },
  );
}

/** Waits until `done()` holds, polling every 5 ms; the milliseconds it took, or throws after `limit`. */
export async function waitFor(done: () => boolean, limit = 60_000): Promise<number> {
  const started = performance.now();
  while (!done()) {
    if (performance.now() - started > limit) throw new Error(`not seen within ${limit} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now() - started;
}

const has = (file: string, text: string) => existsSync(file) && readFileSync(file, "utf8").includes(text);

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = previewProject();
  const server = startPreview(root, 18_000 + (process.pid % 1000));
  const page = join(root, previewOutput, "locations", city, "index.html");
  const source = join(root, "locations", `${city}.md`);
  try {
    const startup = await waitFor(() => existsSync(page));
    const latencies: number[] = [];
    for (let i = 0; i < edits; i++) {
      // Let the watcher settle between edits, as between a person's saves.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const marker = `Preview latency check number ${i} ${Date.now()}.`;
      writeFileSync(source, `${readFileSync(source, "utf8")}\n${marker}\n`);
      latencies.push(Math.round(await waitFor(() => has(page, marker), 20_000)));
    }
    const median = [...latencies].sort((a, b) => a - b)[Math.floor(latencies.length / 2)]!;
    console.log(JSON.stringify({ startupMs: Math.round(startup), latenciesMs: latencies, medianMs: median }));
  } finally {
    process.kill(-server.pid!, "SIGTERM");
    rmSync(root, { recursive: true, force: true });
  }
}
