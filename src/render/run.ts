import Eleventy from "@11ty/eleventy";
import { packagePath } from "../pipeline/paths.ts";
import type { BuiltPage } from "../audit/index.ts";
import type { RenderData } from "./render-data.ts";

/** Renders every planned page into `outDir` with Eleventy and returns the HTML of each page. */
export async function renderSite(data: RenderData, outDir: string): Promise<BuiltPage[]> {
  const elev = new Eleventy(packagePath("templates"), outDir, {
    quietMode: true,
    configPath: packagePath("src/render/eleventy-config.ts"),
    config(eleventyConfig: { addGlobalData(name: string, value: unknown): void }) {
      // A function, so Eleventy does not deep-copy the whole site into its data cascade.
      eleventyConfig.addGlobalData("cp", () => data);
    },
  });
  const [, templates] = (await elev.write()) as [unknown, Array<{ url: string | false; outputPath: string | false; content: string }>];
  return templates
    .filter((t) => typeof t.url === "string" && typeof t.outputPath === "string" && t.outputPath.endsWith(".html"))
    .map((t) => ({ url: t.url as string, html: t.content, outputPath: t.outputPath as string }))
    .sort((a, b) => (a.url < b.url ? -1 : 1));
}
