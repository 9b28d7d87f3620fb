import Eleventy from "@11ty/eleventy";
import { packagePath } from "../pipeline/paths.ts";
import type { RenderData } from "./render-data.ts";

/** Renders every planned page into `outDir` with Eleventy, using the package's templates. */
export async function renderSite(data: RenderData, outDir: string): Promise<void> {
  const elev = new Eleventy(packagePath("templates"), outDir, {
    quietMode: true,
    configPath: packagePath("src/render/eleventy-config.ts"),
    config(eleventyConfig: { addGlobalData(name: string, value: unknown): void }) {
      // A function, so Eleventy does not deep-copy the whole site into its data cascade.
      eleventyConfig.addGlobalData("cp", () => data);
    },
  });
  await elev.write();
}
