import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import type { PageSummary } from "../audit/index.ts";
import type { CardSpec } from "../images/plan.ts";
import type { Page } from "../plan/index.ts";
import { heapLimitMb, nearLimit, OutOfMemoryError } from "./memory.ts";
import { ChunkRenderer, type Chunk, type ChunkContext, type ChunkResult } from "./chunk.ts";
import { startWorker, WorkerPool } from "./workers.ts";

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
 * The render worker threads of one build. A build can start one before its data is prepared
 * (`start`), so the thread loads its modules and compiles the templates meanwhile; the render
 * stage takes as many as it needs (`take`) and the build closes them when it ends.
 */
export class RenderThreads {
  private readonly workers: Worker[] = [];

  constructor(private readonly options: ChunkOptions = {}) {}

  /** MB of heap each worker may use: the build's budget shared by the main thread and every worker. */
  get workerMb(): number | undefined {
    const { memoryMb } = this.options;
    const threads = this.options.threads ?? defaultThreads();
    return memoryMb === undefined ? undefined : Math.max(16, Math.floor(memoryMb / (threads + 1)));
  }

  get started(): number {
    return this.workers.length;
  }

  /** Starts workers until `count` are running. */
  start(count: number): void {
    while (this.workers.length < count)
      this.workers.push(
        startWorker(new URL("./chunk-worker.ts", import.meta.url), { maxOldMb: this.workerMb }),
      );
  }

  /** `count` running workers (started now if needed). */
  take(count: number): Worker[] {
    this.start(count);
    return this.workers.slice(0, count);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.terminate()));
  }
}

/**
 * Render → per-page checks → write for every page, in bounded chunks spread over worker
 * threads (those of `threads`, when the caller started them; else its own, closed at the end).
 * Returns the pages' summaries in page order; no HTML is kept. Every chunk size and thread
 * count writes the same bytes.
 */
export async function renderChunks(
  pages: Page[],
  cards: Map<string, CardSpec>,
  ctx: ChunkContext,
  options: ChunkOptions = {},
  given?: RenderThreads,
): Promise<Rendered> {
  const threads = given ?? new RenderThreads(options);
  const chunkSize = Math.max(1, options.chunkSize ?? defaultChunkSize);
  const chunks = chunksOf(pages, cards, chunkSize);
  const count = Math.max(1, Math.min(options.threads ?? defaultThreads(), chunks.length), threads.started);
  const outOfMemory = (limitMb: number, where: string) =>
    new OutOfMemoryError({ pages: pages.length, chunkSize, threads: count, limitMb, where });
  const checkMemory = () => {
    const near = nearLimit(options.memoryMb);
    if (near) throw outOfMemory(near.limitMb, "main thread");
  };
  const results: ChunkResult[] = new Array(chunks.length);
  if (count === 1 && threads.started === 0) {
    const renderer = new ChunkRenderer(ctx);
    chunks.forEach((chunk, index) => {
      results[index] = renderer.process(chunk);
      checkMemory();
    });
  } else {
    const pool = new WorkerPool<Chunk, ChunkResult>(
      threads.take(count),
      () => outOfMemory(threads.workerMb ?? heapLimitMb(), "a render worker"),
      "rendering chunk",
    );
    pool.setup(ctx);
    try {
      await pool.run(chunks, (index, result) => {
        results[index] = result;
        checkMemory();
      });
    } finally {
      if (!given) await threads.close();
    }
  }
  const hashes = new Map<string, string>();
  for (const result of results) for (const [file, digest] of result.hashes) hashes.set(file, digest);
  return { summaries: results.flatMap((r) => r.summaries), hashes };
}
