import clinicPages from "./eleventy-plugin.ts";
import { settings } from "./eleventy-settings.js";

/** Eleventy configuration used by `npm run build`, which sets input and output itself. */
export default function eleventyConfig(
  config: Parameters<typeof clinicPages>[0] & { addPlugin(plugin: unknown): void },
): void {
  config.addPlugin(clinicPages);
}

export const config = settings;
