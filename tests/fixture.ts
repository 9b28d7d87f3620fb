import { join } from "node:path";

/** The small fixture project every end-to-end test starts from (copied, never changed in place). */
export const fixtureRoot = join(import.meta.dirname, "fixtures", "mini");

/** The date review ages are measured against in tests, so the fixture's reviews never go stale. */
export const testToday = "2026-11-25";
