import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { PageSummary } from "../audit/index.ts";
import type { CardSpec } from "../images/plan.ts";
import type { Page } from "../plan/index.ts";
import { heapLimitMb, nearLimit, OutOfMemoryError } from "./memory.ts";
import { ChunkRenderer, type Chunk, type ChunkContext, type ChunkResult } from "./chunk.ts";

/** Pages per chunk: small enough that a chunk's HTML is a few MB, large enough to keep workers busy. */
export const defaultChunkSize = 250;

export interface ChunkOptions {
  /** Worker threads; default CLINIC_PAGES_THREADS or one per core. 1 renders on the main thread. */
  threads?: number;
  /** Pages per chunk (default 250). Output is the same for every size. */
  chunkSize?: number;
  /** Memory budget in MB for the whole build: bounds each worker's heap and the main thread's RSS. */
  memoryMb?: number;
}

/** Threads for rendering and checks: CLINIC_PAGES_THREADS (or the older CLINIC_PAGES_AUDIT_THREADS), or one per core. */
export function defaultThreads(): number {
  const set = Number(process.env.CLINIC_PAGES_THREADS ?? process.env.CLINIC_PAGES_AUDIT_THREADS);
  return Number.isInteger(set) && set > 0 ? set : availableParallelism();
}

/** The plan's pages cut into chunks, each with the cards its pages show. */
export function chunksOf(pages: Page[], cards: Map<string, CardSpec>, size: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (let from = 0; from < pages.length; from += size) {
    const members = pages.slice(from, from + size);
    const own: Record<string, CardSpec> = {};
    for (const page of members) {
      const card = cards.get(page.url);
      if (card) own[page.url] = card;
    }
    chunks.push({ pages: members, cards: own });
  }
  return chunks;
}

/** Every page's summary in page order, and the sha256 of every page file written. */
export interface Rendered {
  summaries: PageSummary[];
  hashes: Map<string, string>;
}

/**
 * Render → per-page checks → write for every page, in bounded chunks spread over worker
 * threads. Returns the pages' summaries in page order; no HTML is kept. Every chunk size and
 * thread count writes the same bytes.
 */
export async function renderChunks(
  pages: Page[],
  cards: Map<string, CardSpec>,
  ctx: ChunkContext,
  options: ChunkOptions = {},
): Promise<Rendered> {
  const chunkSize = Math.max(1, options.chunkSize ?? defaultChunkSize);
  const chunks = chunksOf(pages, cards, chunkSize);
  const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(), chunks.length));
  const outOfMemory = (limitMb: number, where: string) =>
    new OutOfMemoryError({ pages: pages.length, chunkSize, threads, limitMb, where });
  const checkMemory = () => {
    const near = nearLimit(options.memoryMb);
    if (near) throw outOfMemory(near.limitMb, "main thread");
  };
  const results: ChunkResult[] = new Array(chunks.length);
  if (threads === 1) {
    const renderer = new ChunkRenderer(ctx);
    chunks.forEach((chunk, index) => {
      results[index] = renderer.process(chunk);
      checkMemory();
    });
  } else {
    const workerMb =
      options.memoryMb === undefined ? undefined : Math.max(16, Math.floor(options.memoryMb / (threads + 1)));
    const pool = new WorkerPool(threads, ctx, workerMb, (mb) => outOfMemory(mb, "a render worker"));
    try {
      await pool.run(chunks, (index, result) => {
        results[index] = result;
        checkMemory();
      });
    } finally {
      await pool.close();
    }
  }
  const hashes = new Map<string, string>();
  for (const result of results) for (const [file, digest] of result.hashes) hashes.set(file, digest);
  return { summaries: results.flatMap((r) => r.summaries), hashes };
}

/** A small bootstrap: the worker module is TypeScript, so tsx is registered in the thread first. */
function bootstrap(): string {
  const worker = new URL("./chunk-worker.ts", import.meta.url).href;
  const tsx = import.meta.resolve("tsx/esm/api");
  return `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(worker)}));`;
}

/** Worker threads that each take the next chunk as soon as they finish one. */
class WorkerPool {
  private readonly workers: Worker[];

  constructor(
    threads: number,
    ctx: ChunkContext,
    private readonly workerMb: number | undefined,
    private readonly outOfMemory: (mb: number) => Error,
  ) {
    const resourceLimits = {
      maxYoungGenerationSizeMb: 32,
      ...(workerMb ? { maxOldGenerationSizeMb: workerMb } : {}),
    };
    this.workers = Array.from(
      { length: threads },
      () => new Worker(bootstrap(), { eval: true, workerData: ctx, resourceLimits }),
    );
  }

  run(chunks: Chunk[], done: (index: number, result: ChunkResult) => void): Promise<void> {
    let next = 0;
    let finished = 0;
    return new Promise((resolve, reject) => {
      let failed = false;
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        reject(error);
      };
      const feed = (worker: Worker) => {
        if (failed || next >= chunks.length) return;
        const id = next++;
        worker.postMessage({ id, chunk: chunks[id] });
      };
      for (const worker of this.workers) {
        worker.on("message", (message: { id: number; result?: ChunkResult; error?: string }) => {
          if (message.error !== undefined)
            return fail(new Error(`rendering chunk ${message.id + 1} failed:\n${message.error}`));
          try {
            done(message.id, message.result!);
          } catch (error) {
            return fail(error as Error);
          }
          if (++finished === chunks.length) resolve();
          else feed(worker);
        });
        worker.on("error", (error: Error & { code?: string }) =>
          fail(
            error.code === "ERR_WORKER_OUT_OF_MEMORY"
              ? this.outOfMemory(this.workerMb ?? heapLimitMb())
              : error,
          ),
        );
        worker.on("exit", (code) => {
          if (code !== 0 && finished < chunks.length)
            fail(new Error(`a render worker exited with code ${code}`));
        });
        feed(worker);
      }
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
