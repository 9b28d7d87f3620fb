// Worker thread: decodes its share of the pages from shared memory, runs the per-page checks
// and sends back compact summaries (word hashes are transferred, not copied).
import { parentPort, workerData } from "node:worker_threads";
import type { AuditContext } from "./checks.ts";
import { analyzePage } from "./page.ts";
import type { SharedPages } from "./parallel.ts";

const { shared, from, to, ctx } = workerData as { shared: SharedPages; from: number; to: number; ctx: Omit<AuditContext, "urls"> & { urls: string[] } };
const context: AuditContext = { ...ctx, urls: new Set(ctx.urls) };
const summaries = [];
for (let i = from; i < to; i++) {
  const html = Buffer.from(shared.bytes, shared.offsets[i], shared.lengths[i]).toString("utf8");
  summaries.push(analyzePage({ url: shared.urls[i]!, html }, context));
}
parentPort!.postMessage(summaries, summaries.flatMap((s) => [s.words.buffer, s.signals.folded.buffer, s.signals.facts.buffer] as ArrayBuffer[]));
