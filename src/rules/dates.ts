// What "today" is for a build or a command: review ages are measured against it, new location
// files are stamped with it and dates after it are refused. CLINIC_PAGES_TODAY pins it, so checks
// are reproducible; a value that is not a real date is refused, since ignoring it would switch off
// the review-age check.
import { DataError } from "../problems.ts";

/** Whether `value` is a real calendar date written YYYY-MM-DD. */
export function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
  );
}

/** Today's date in UTC as YYYY-MM-DD, or CLINIC_PAGES_TODAY when it pins one (checked). */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const pinned = env.CLINIC_PAGES_TODAY?.trim();
  if (pinned === undefined || pinned === "") return new Date().toISOString().slice(0, 10);
  if (!isRealDate(pinned)) {
    throw new DataError([
      {
        file: "CLINIC_PAGES_TODAY",
        field: "(environment)",
        message: `expected a real date written YYYY-MM-DD, got "${pinned}"`,
        hint: "e.g. CLINIC_PAGES_TODAY=2026-11-25, or unset it to use today's date",
      },
    ]);
  }
  return pinned;
}
