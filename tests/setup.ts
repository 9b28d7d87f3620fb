// Runs in every test worker before each test file (test files share a worker's modules).
import { register } from "tsx/esm/api";
import { inject } from "vitest";
import { testToday } from "./fixture.ts";

// Eleventy imports our TypeScript config with Node's own import(); tsx teaches Node to load it.
// Once per worker: every registration would add another loader to Node's chain.
const registered = Symbol.for("clinic-pages.tsx-registered");
const worker = globalThis as { [registered]?: boolean };
if (!worker[registered]) {
  register();
  worker[registered] = true;
}

// Everything a test writes to the temp folder lands in the suite's folder, removed at the end;
// every build shares one image cache; review ages are measured against a fixed date.
process.env.TMPDIR = inject("testTemp");
process.env.CLINIC_PAGES_CACHE = inject("imageCache");
process.env.CLINIC_PAGES_TODAY ??= testToday;
