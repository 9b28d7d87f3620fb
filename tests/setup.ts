// Runs in every test worker before its test file.
import { register } from "tsx/esm/api";
import { inject } from "vitest";
import { testToday } from "./fixture.ts";

// Eleventy imports our TypeScript config with Node's own import(); tsx teaches Node to load it.
register();

// Everything a test writes to the temp folder lands in the suite's folder, removed at the end;
// every build shares one image cache; review ages are measured against a fixed date.
process.env.TMPDIR = inject("testTemp");
process.env.CLINIC_PAGES_CACHE = inject("imageCache");
process.env.CLINIC_PAGES_TODAY ??= testToday;
