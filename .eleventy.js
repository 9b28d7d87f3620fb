// Eleventy wiring only: pages, data and filters come from src/ (see src/render/).
import clinicPages, { config as shared } from "./src/render/eleventy-config.ts";

export default clinicPages;

export const config = {
  ...shared,
  dir: { ...shared.dir, input: "templates", output: "output" },
};
