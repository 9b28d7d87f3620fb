import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { AuditContext } from "./checks.ts";
import { analyzePage, type PageSummary } from "./page.ts";
import type { BuiltPage } from "./types.ts";

/** Below this many pages, starting workers costs more than it saves. */
export const parallelThreshold = 1500;

/**
 * Per-page analysis on every core: the pages are split into contiguous shares, one worker
 * thread each. Small sites, or a machine with one core, run on the main thread.
 */
export async function analyzePages(pages: BuiltPage[], ctx: AuditContext, threads = defaultThreads()): Promise<PageSummary[]> {
  const workers = Math.min(threads, 8, Math.ceil(pages.length / 500));
  if (pages.length < parallelThreshold || workers < 2) return pages.map((page) => analyzePage(page, ctx));
  const shared = sharePages(pages);
  const size = Math.ceil(pages.length / workers);
  const shares = Array.from({ length: workers }, (_, i) => [i * size, Math.min(pages.length, (i + 1) * size)] as const);
  const results = await Promise.all(shares.map(([from, to]) => runWorker(shared, from, to, ctx)));
  return results.flat();
}

/** Every page's HTML as UTF-8 in one SharedArrayBuffer, so workers read it without a copy. */
export interface SharedPages {
  bytes: SharedArrayBuffer;
  offsets: Uint32Array;
  lengths: Uint32Array;
  urls: string[];
}

function sharePages(pages: BuiltPage[]): SharedPages {
  const lengths = Uint32Array.from(pages, (p) => Buffer.byteLength(p.html));
  const offsets = new Uint32Array(pages.length);
  let total = 0;
  lengths.forEach((length, i) => {
    offsets[i] = total;
    total += length;
  });
  const bytes = new SharedArrayBuffer(total);
  const view = Buffer.from(bytes);
  pages.forEach((page, i) => view.write(page.html, offsets[i]!, lengths[i]!, "utf8"));
  return { bytes, offsets, lengths, urls: pages.map((p) => p.url) };
}

/** Threads for the audit: CLINIC_PAGES_AUDIT_THREADS, or one per core. */
export function defaultThreads(): number {
  const set = Number(process.env.CLINIC_PAGES_AUDIT_THREADS);
  return Number.isInteger(set) && set > 0 ? set : availableParallelism();
}

/** A small bootstrap: the worker module is TypeScript, so register tsx in the thread first. */
function bootstrap(): string {
  const worker = new URL("./worker.ts", import.meta.url).href;
  const tsx = import.meta.resolve("tsx/esm/api");
  return `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(worker)}));`;
}

function runWorker(shared: SharedPages, from: number, to: number, ctx: AuditContext): Promise<PageSummary[]> {
  return new Promise((resolve, reject) => {
    // Every planned URL, not just these pages': a shard links to pages other shards build.
    const workerData = { shared, from, to, ctx: { ...ctx, urls: [...ctx.urls] } };
    // A roomy young generation: the per-page work allocates many short-lived strings.
    const worker = new Worker(bootstrap(), { eval: true, workerData, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    worker.once("message", (summaries: PageSummary[]) => {
      resolve(summaries);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`audit worker exited with code ${code}`));
    });
  });
}
