import { byCodePoint } from "../plan/order.ts";
import type { OpeningHours } from "../validate/index.ts";
import { weekdayNames, weekdays } from "../rules/weekdays.ts";

/** "2026-10-01" → "October 1, 2026" (UTC, so the day never shifts). */
export function longDate(iso: string, language = "en-US"): string {
  return new Intl.DateTimeFormat(language, {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00Z`));
}

/** "09:00" → "9:00 AM" */
export function clockTime(time: string): string {
  const [h, m] = time.split(":").map(Number) as [number, number];
  const suffix = h < 12 ? "AM" : "PM";
  return `${((h + 11) % 12) + 1}:${String(m).padStart(2, "0")} ${suffix}`;
}

export interface HoursRow {
  days: string;
  time: string;
}

/** One row per day of the week, Monday first; days not listed are closed. */
export function hoursTable(hours: OpeningHours[]): HoursRow[] {
  return weekdays.map((day) => {
    const spans = hours.filter((h) => h.days.includes(day)).sort((a, b) => byCodePoint(a.opens, b.opens));
    return { days: weekdayNames[day], time: spans.length === 0 ? "Closed" : spans.map(spanText).join(", ") };
  });
}

function spanText(span: OpeningHours): string {
  if (span.opens === "00:00" && span.closes === "23:59") return "Open 24 hours";
  return `${clockTime(span.opens)} – ${clockTime(span.closes)}`;
}

/** A maps link that routes to the clinic's address. */
export function directionsUrl(address: {
  street: string;
  locality: string;
  region: string;
  postalCode: string;
  country: string;
}): string {
  const destination = `${address.street}, ${address.locality}, ${address.region} ${address.postalCode}, ${address.country}`;
  return `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(destination)}`;
}
