import { z } from "zod";
import { isRealDate } from "../rules/dates.ts";
import { digitsOf } from "../rules/phone.ts";

/**
 * Small reusable field schemas. Each carries the message a marketer sees when
 * the value is wrong, so the report says what is expected and how to fix it.
 */

/** A calendar date written as YYYY-MM-DD (YAML dates are kept as text). */
export const dateField = z
  .string({ error: "expected a date written as YYYY-MM-DD, e.g. 2026-10-01" })
  .refine(isRealDate, { error: "expected a real date written as YYYY-MM-DD, e.g. 2026-10-01" })
  // JSON Schema's "date" format, so editors and the CMS show a date picker.
  .meta({ format: "date" });

/** An international phone number: "+", country code, then digits with optional spaces, dashes, dots or brackets. */
export const phoneField = z
  .string({ error: 'expected a phone number in quotes with its country code, e.g. "+1-954-555-0142"' })
  .regex(/^\+[1-9][0-9 ().-]{6,22}$/, {
    error: 'expected a phone number starting with + and the country code, e.g. "+1-954-555-0142"',
  })
  .refine((value) => digitsOf(value).length >= 8 && digitsOf(value).length <= 15, {
    error: "expected 8 to 15 digits including the country code (E.164)",
  });

/** An absolute http(s) URL. */
export const urlField = z
  .string({ error: "expected a full web address starting with https://" })
  .refine(isHttpUrl, { error: "expected a full web address starting with https:// (or http://)" });

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/** A URL-safe id: lowercase letters, digits and single dashes. */
export const idField = z
  .string({ error: "expected an id made of lowercase letters, digits and dashes" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'expected lowercase letters, digits and single dashes, e.g. "pompano-beach-fl"',
  });

/** Non-empty text. */
export function text(min = 1, max = 5000) {
  return z
    .string({ error: "expected text" })
    .trim()
    .min(min, { error: min === 1 ? "must not be empty" : `expected at least ${min} characters` })
    .max(max, { error: `expected at most ${max} characters; shorten it` });
}

export const latitude = z
  .number({ error: "expected a number between -90 and 90 (use a dot for decimals)" })
  .min(-90, { error: "expected a number between -90 and 90" })
  .max(90, { error: "expected a number between -90 and 90" });

export const longitude = z
  .number({ error: "expected a number between -180 and 180 (use a dot for decimals)" })
  .min(-180, { error: "expected a number between -180 and 180" })
  .max(180, { error: "expected a number between -180 and 180" });

/** A point on the map, decimal degrees (WGS 84). */
export const geoField = z
  .object({
    lat: latitude.meta({ description: "Latitude in decimal degrees.", examples: [26.23786] }),
    lng: longitude.meta({ description: "Longitude in decimal degrees.", examples: [-80.1248] }),
  })
  .strict()
  .meta({ description: "Coordinates in decimal degrees (WGS 84)." });

/** A question and its answer, shown on the page and marked up as FAQ. */
export const faqItem = z
  .object({
    q: text(5, 300).meta({
      description: "The question, as a patient would ask it.",
      examples: ["Is there parking at the clinic?"],
    }),
    a: text(10, 2000).meta({
      description: "The answer, in plain sentences.",
      examples: ["Yes, free parking behind the building."],
    }),
  })
  .strict();

/** Two-letter ISO 3166-1 country code. */
export const countryField = z
  .string({ error: 'expected a two-letter country code, e.g. "US"' })
  .regex(/^[A-Z]{2}$/, { error: 'expected a two-letter country code in capitals, e.g. "US"' });

/** 24-hour clock time. */
export const timeField = z
  .string({ error: 'expected a time in quotes, 24-hour clock, e.g. "09:00"' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a 24-hour time HH:MM, e.g. "09:00" or "17:30"' });

/** A photo shipped in the project, with the alt text that describes it (required). */
export const photoField = z
  .object({
    src: z
      .string({ error: "expected a path to an image file in the project, e.g. images/clinics/red-bank.jpg" })
      .meta({
        description: "Path of the image inside the project.",
        examples: ["images/clinics/red-bank.jpg"],
      })
      .regex(/^[\w./-]+\.(jpe?g|png|webp|avif|tiff?)$/i, {
        error: "expected a path to a .jpg, .png, .webp, .avif or .tiff file inside the project",
      })
      .refine((src) => !src.split("/").includes(".."), {
        error: "the photo must be inside the project folder",
      }),
    alt: text(5, 250).meta({ description: "What the photo shows, for people who cannot see it." }),
  })
  .strict()
  .meta({ description: "A photo (at least 1200 px wide) shown on pages and used for social cards." });
