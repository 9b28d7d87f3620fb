import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { AuditContext } from "../audit/checks.ts";
import { analyzePage, type PageSummary } from "../audit/page.ts";
import type { CardSpec } from "../images/plan.ts";
import type { Page } from "../plan/index.ts";
import { sha256 } from "../rules/digest.ts";
import { outputFile, pageFile } from "../publish/page-file.ts";
import { noindexHtml } from "../publish/noindex.ts";
import { PageRenderer } from "../render/pages.ts";
import type { RenderData } from "../render/render-data.ts";

/**
 * What every chunk of a build shares, sent once to each worker: the render data without the
 * pages and cards (those travel with their chunk), the audit context with every planned URL
 * of the whole site (so a shard checks links into other shards), and where to write.
 */
export interface ChunkContext {
  data: RenderData;
  audit: Omit<AuditContext, "urls"> & { urls: string[] };
  outDir: string;
  /** A staging build: every page is written with noindex (after its checks ran on the page as built). */
  staging: boolean;
}

/** One chunk of the plan: its pages in plan order, and the social card of each. */
export interface Chunk {
  pages: Page[];
  cards: Record<string, CardSpec>;
}

/** What a chunk leaves behind: its pages' summaries and the sha256 of each file written (for the manifest). */
export interface ChunkResult {
  summaries: PageSummary[];
  hashes: Array<[file: string, sha256: string]>;
}

/**
 * One chunk through three stages: render → per-page checks → write. Only the summaries leave;
 * the HTML of a chunk is garbage once its files are written.
 */
export class ChunkRenderer {
  private readonly audit: AuditContext;

  /** `renderer`: templates compiled already (a worker compiles them before its context arrives). */
  constructor(
    private readonly ctx: ChunkContext,
    private readonly renderer = new PageRenderer(),
  ) {
    this.audit = { ...ctx.audit, urls: new Set(ctx.audit.urls) };
  }

  /** Render → per-page checks → write, for every page of the chunk. */
  process(chunk: Chunk): ChunkResult {
    const made = new Set<string>();
    const cp = { ...this.ctx.data, cards: chunk.cards };
    const hashes: ChunkResult["hashes"] = [];
    const summaries = chunk.pages.map((page) => {
      const html = this.renderer.render(page, cp);
      const summary = analyzePage({ url: page.url, html }, this.audit);
      const file = outputFile(this.ctx.outDir, page.url);
      const folder = dirname(file);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      const written = this.ctx.staging ? noindexHtml(html) : html;
      writeFileSync(file, written);
      hashes.push([pageFile(page.url), sha256(written)]);
      return summary;
    });
    return { summaries, hashes };
  }
}
