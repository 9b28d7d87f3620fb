import Eleventy from "@11ty/eleventy";
import { packagePath } from "../rules/package-paths.ts";
import type { RenderData } from "./render-data.ts";

/**
 * Renders every planned page into `outDir` with Eleventy's own build (pagination templates,
 * its data cascade) and returns each page's HTML. The build renders with the same environment
 * in chunks instead (src/build/chunk.ts); this is the reference it is tested against, and the
 * bare-Eleventy comparison in bench/.
 */
export async function renderWithEleventy(
  data: RenderData,
  outDir: string,
): Promise<Array<{ url: string; html: string }>> {
  const elev = new Eleventy(packagePath("templates"), outDir, {
    quietMode: true,
    configPath: packagePath("src/render/eleventy-config.ts"),
    config(eleventyConfig: { addGlobalData(name: string, value: unknown): void }) {
      // A function, so Eleventy does not deep-copy the whole site into its data cascade.
      eleventyConfig.addGlobalData("cp", () => data);
    },
  });
  const [, templates] = (await elev.write()) as [
    unknown,
    Array<{ url: string | false; outputPath: string | false; content: string }>,
  ];
  return templates
    .filter(
      (t) => typeof t.url === "string" && typeof t.outputPath === "string" && t.outputPath.endsWith(".html"),
    )
    .map((t) => ({ url: t.url as string, html: t.content }))
    .sort((a, b) => (a.url < b.url ? -1 : 1));
}
