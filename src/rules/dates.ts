// What "today" is for a build or a command: review ages are measured against it and new
// location files are stamped with it. CLINIC_PAGES_TODAY pins it, so checks are reproducible.

/** Today's date in UTC as YYYY-MM-DD, unless CLINIC_PAGES_TODAY pins it (for reproducible checks). */
export function today(): string {
  return process.env.CLINIC_PAGES_TODAY ?? new Date().toISOString().slice(0, 10);
}
