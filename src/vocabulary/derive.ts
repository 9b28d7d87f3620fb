import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

/**
 * Derives the compact schema.org vocabulary clinic-pages ships, from the official release
 * file (schemaorg-current-https.jsonld). Keeps what validation needs: each type's direct
 * parents, each property's domains and ranges, enumeration members, and superseded terms.
 */

/** The schema.org release the vocabulary is derived from. */
export const release = "30.0";

/**
 * The official release `npm run vocab` and its test read by default, relative to the package:
 * the unchanged schema.org file, gzip-compressed, with its credit in `vocab/README.md`.
 */
export const releaseFile = `vocab/schemaorg-current-https-${release}.jsonld.gz`;

/** Reads a release file, plain or gzip-compressed (`.gz`). */
export function readRelease(path: string): Release {
  const bytes = readFileSync(path);
  return JSON.parse((path.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8")) as Release;
}

type Ref = { "@id": string };
interface Term {
  "@id": string;
  "@type": string | string[];
  "rdfs:subClassOf"?: Ref | Ref[];
  "schema:domainIncludes"?: Ref | Ref[];
  "schema:rangeIncludes"?: Ref | Ref[];
  "schema:supersededBy"?: Ref | Ref[];
}

/** A schema.org release file: every term in one graph. */
export interface Release {
  "@graph": Term[];
}

export interface Vocabulary {
  license: string;
  release: string;
  /** Type → direct parent types. Data types (Text, Number, …) are included. */
  types: Record<string, string[]>;
  /** Property → types it may be used on, and types its values may have. */
  properties: Record<string, { domains: string[]; ranges: string[] }>;
  /** Enumeration member → its enumeration type(s), e.g. Monday → DayOfWeek. */
  members: Record<string, string[]>;
  /** Superseded term → the term to use instead. */
  superseded: Record<string, string>;
}

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const name = (id: string) => id.replace(/^schema:/, "");
const names = (refs: Ref | Ref[] | undefined) =>
  list(refs)
    .map((r) => r["@id"])
    .filter((id) => id.startsWith("schema:"))
    .map(name)
    .sort();

export function deriveVocabulary(source: Release, release: string): Vocabulary {
  const vocab: Vocabulary = {
    license: "Derived from the schema.org vocabulary (https://schema.org), licensed CC BY-SA 3.0.",
    release,
    types: {},
    properties: {},
    members: {},
    superseded: {},
  };
  const terms = source["@graph"]
    .filter((t) => t["@id"].startsWith("schema:"))
    .sort((a, b) => (a["@id"] < b["@id"] ? -1 : 1));
  for (const term of terms) {
    const id = name(term["@id"]);
    const kinds = list(term["@type"]);
    const replacement = names(term["schema:supersededBy"])[0];
    if (replacement) vocab.superseded[id] = replacement;
    if (kinds.includes("rdfs:Class")) vocab.types[id] = names(term["rdfs:subClassOf"]);
    else if (kinds.includes("rdf:Property"))
      vocab.properties[id] = {
        domains: names(term["schema:domainIncludes"]),
        ranges: names(term["schema:rangeIncludes"]),
      };
    else
      vocab.members[id] = kinds
        .filter((k) => k.startsWith("schema:"))
        .map(name)
        .sort();
  }
  return vocab;
}
