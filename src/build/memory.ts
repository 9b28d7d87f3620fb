import { getHeapStatistics } from "node:v8";

// The error class lives with every other user-facing one; chunks.ts and tests import it from here too.
export { OutOfMemoryError } from "../problems.ts";

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
