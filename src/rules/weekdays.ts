// Days of the week as site.yaml writes them (`days: [Mo, Tu]`), and their English names, which
// the hours table shows and schema.org uses for dayOfWeek (https://schema.org/Monday).

/** The two-letter day codes of site.yaml, Monday first (the order of the hours table). */
export const weekdays = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] as const;
export type Weekday = (typeof weekdays)[number];

/** "Mo" → "Monday": the name on the page and the schema.org DayOfWeek member. */
export const weekdayNames = {
  Mo: "Monday",
  Tu: "Tuesday",
  We: "Wednesday",
  Th: "Thursday",
  Fr: "Friday",
  Sa: "Saturday",
  Su: "Sunday",
} as const satisfies Record<Weekday, string>;
