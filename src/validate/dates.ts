/**
 * The one rule for dates after today: a data file may not claim a check or review that has not
 * happened yet (it would put "© 2099" on every page and future lastmods in the sitemap).
 */
export function futureDateProblem(
  date: string,
  today: string,
): { message: string; hint: string } | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date <= today) return undefined;
  return {
    message: `${date} is after today (${today})`,
    hint: "write the date the check or review actually happened; set CLINIC_PAGES_TODAY only to pin today's date in tests",
  };
}

/** A citation year after this year is an error (a study not yet published cannot be cited). */
export function futureYearProblem(
  year: number,
  today: string,
): { message: string; hint: string } | undefined {
  const current = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year <= current) return undefined;
  return {
    message: `${year} is after this year (${current})`,
    hint: "write the year the study was published",
  };
}
