import { DataError } from "../problems.ts";

/** Values CLINIC_PAGES_ENV may take, in any case. */
export const environments = ["production", "staging"] as const;

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * Today's date in UTC as YYYY-MM-DD, or CLINIC_PAGES_TODAY when it pins one. A value that is not
 * a real date is refused: silently ignoring it would switch off the review-age check.
 */
export function checkedToday(env: NodeJS.ProcessEnv = process.env): string {
  const pinned = env.CLINIC_PAGES_TODAY?.trim();
  if (pinned === undefined || pinned === "") return new Date().toISOString().slice(0, 10);
  if (!isRealDate(pinned)) {
    throw new DataError([{ file: "CLINIC_PAGES_TODAY", field: "(environment)", message: `expected a real date written YYYY-MM-DD, got "${pinned}"`, hint: "e.g. CLINIC_PAGES_TODAY=2026-11-25, or unset it to use today's date" }]);
  }
  return pinned;
}

/**
 * Whether CLINIC_PAGES_ENV asks for a staging build. `Staging`, `STAGING` and `staging` all do; a
 * value that is neither production nor staging is refused rather than built as production.
 */
export function stagingFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CLINIC_PAGES_ENV?.trim().toLowerCase();
  if (value === undefined || value === "") return false;
  if (!(environments as readonly string[]).includes(value)) {
    throw new DataError([{ file: "CLINIC_PAGES_ENV", field: "(environment)", message: `"${env.CLINIC_PAGES_ENV}" is not a known environment`, hint: `use ${environments.join(" or ")} (any case), or unset it` }]);
  }
  return value === "staging";
}
