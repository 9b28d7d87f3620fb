// Worker thread of the chunked build: compiles the templates as soon as it starts (while the
// main thread still prepares the data), takes the build's context once, then renders, audits and
// writes each chunk it is sent and answers with the chunk's page summaries (word hashes are
// transferred, not copied).
import { PageRenderer } from "../render/pages.ts";
import { ChunkRenderer, type Chunk, type ChunkContext, type ChunkResult } from "./chunk.ts";
import { serveTasks } from "./workers.ts";

const templates = new PageRenderer();
let renderer: ChunkRenderer | undefined;
serveTasks<ChunkContext, Chunk, ChunkResult>(
  (ctx) => {
    renderer = new ChunkRenderer(ctx, templates);
  },
  (chunk) => renderer!.process(chunk),
  (result) => result.summaries.map((s) => s.words.buffer as ArrayBuffer),
);
