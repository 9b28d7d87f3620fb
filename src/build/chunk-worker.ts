// Worker thread of the chunked build: compiles the templates once, then renders, audits and
// writes each chunk it is sent and answers with the chunk's page summaries (word hashes are
// transferred, not copied).
import { parentPort, workerData } from "node:worker_threads";
import { ChunkRenderer, type Chunk, type ChunkContext } from "./chunk.ts";

const renderer = new ChunkRenderer(workerData as ChunkContext);
parentPort!.on("message", ({ id, chunk }: { id: number; chunk: Chunk }) => {
  try {
    const result = renderer.process(chunk);
    parentPort!.postMessage(
      { id, result },
      result.summaries.map((s) => s.words.buffer as ArrayBuffer),
    );
  } catch (error) {
    parentPort!.postMessage({
      id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
