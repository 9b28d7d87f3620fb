import { getHeapStatistics } from "node:v8";

/**
 * Thrown when a build does not fit in memory. It says how big the build was and what to do,
 * instead of a V8 crash dump; like every failed build it leaves the previous output in place.
 */
export class OutOfMemoryError extends Error {
  constructor(what: { pages: number; chunkSize: number; threads: number; limitMb: number; where: string }) {
    const pages = what.pages.toLocaleString("en-US");
    const shards = Math.max(2, Math.ceil(what.pages / 50_000));
    super(
      [
        `Out of memory: building ${pages} pages needed more than ${what.limitMb.toLocaleString("en-US")} MB (${what.where}; ` +
          `${what.threads} ${what.threads === 1 ? "thread" : "threads"}, chunks of ${what.chunkSize} pages). Nothing was published and output/ is unchanged.`,
        "What to do, in order:",
        `  - build in shards, on several CI runners or one after another: npm run build -- --shard 1/${shards} --out shard-1 … then npm run combine -- shard-1 … shard-${shards}`,
        ...(what.chunkSize > 10
          ? [`  - use smaller chunks: --chunk-size ${Math.floor(what.chunkSize / 4)}`]
          : []),
        "  - or allow more memory: --memory MB, or NODE_OPTIONS=--max-old-space-size=MB for the main process",
      ].join("\n"),
    );
    this.name = "OutOfMemoryError";
  }
}

/** The main thread's own heap limit in MB (what --max-old-space-size sets). */
export function heapLimitMb(): number {
  return Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
}

/**
 * True when the main thread is close to its limit: its heap within 10% of V8's limit, or its
 * resident memory past the budget given with --memory. Checked between chunks, so a build stops
 * with a message before V8 would abort the process.
 */
export function nearLimit(budgetMb?: number): { limitMb: number } | undefined {
  const heapUsed = process.memoryUsage().heapUsed / 2 ** 20;
  if (heapUsed > heapLimitMb() * 0.9) return { limitMb: heapLimitMb() };
  if (budgetMb !== undefined && process.memoryUsage.rss() / 2 ** 20 > budgetMb) return { limitMb: budgetMb };
  return undefined;
}
