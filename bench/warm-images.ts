import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prepare } from "../src/build/prepare.ts";
import { makeImages, planImagesStage } from "../src/build/stages.ts";

/**
 * Fills the image cache for one slice of a project's pages (cards are the slow part of a cold
 * build), so a very large site can be warmed in short steps that leave the machine to others
 * in between. Usage: tsx bench/warm-images.ts PROJECT_DIR SLICE SLICES (with CLINIC_PAGES_CACHE set)
 */
const [project, slice = "1", slices = "1"] = process.argv.slice(2);
const planned = await planImagesStage(prepare(project!), project!);
const pages = planned.plan.pages;
const size = Math.ceil(pages.length / Number(slices));
const mine = pages.slice((Number(slice) - 1) * size, Number(slice) * size);
const out = mkdtempSync(join(tmpdir(), "warm-images-"));
await makeImages(planned, project!, out, { pages: mine });
rmSync(out, { recursive: true, force: true });
