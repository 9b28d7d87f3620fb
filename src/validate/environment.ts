import { DataError } from "../problems.ts";

/** Values CLINIC_PAGES_ENV may take, in any case. */
export const environments = ["production", "staging"] as const;

/** Today's date, checked: owned by src/rules/dates.ts, named here for the environment checks. */
export { today as checkedToday } from "../rules/dates.ts";

/**
 * Whether CLINIC_PAGES_ENV asks for a staging build. `Staging`, `STAGING` and `staging` all do; a
 * value that is neither production nor staging is refused rather than built as production.
 */
export function stagingFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CLINIC_PAGES_ENV?.trim().toLowerCase();
  if (value === undefined || value === "") return false;
  if (!(environments as readonly string[]).includes(value)) {
    throw new DataError([
      {
        file: "CLINIC_PAGES_ENV",
        field: "(environment)",
        message: `"${env.CLINIC_PAGES_ENV}" is not a known environment`,
        hint: `use ${environments.join(" or ")} (any case), or unset it`,
      },
    ]);
  }
  return value === "staging";
}
