// The schema.org vocabulary, a low-level module any stage may use: validation checks site.yaml
// values against its enumerations, the audit checks every built graph against it.
import type { CheckId } from "../problems.ts";
import { readFileSync } from "node:fs";
import type { Vocabulary } from "./derive.ts";

/** A problem in a page's JSON-LD: a JSON path into the graph and what is wrong there. */
export interface GraphFinding {
  severity: "error" | "warning";
  check: CheckId;
  path: string;
  message: string;
}

let cached: Vocabulary | undefined;

/** The compact schema.org vocabulary shipped in src/vocabulary/ (read once). */
export function vocabulary(): Vocabulary {
  cached ??= JSON.parse(readFileSync(new URL("./schemaorg.json", import.meta.url), "utf8")) as Vocabulary;
  return cached;
}

const isACache = new Map<string, boolean>();

/** True when `type` is `ancestor` or inherits from it. */
export function isA(type: string, ancestor: string): boolean {
  if (type === ancestor) return true;
  const key = `${type} ${ancestor}`;
  let known = isACache.get(key);
  if (known === undefined) isACache.set(key, (known = inherits(type, ancestor, vocabulary())));
  return known;
}

function inherits(type: string, ancestor: string, vocab: Vocabulary): boolean {
  const seen = new Set<string>();
  const stack = [...(vocab.types[type] ?? [])];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next === ancestor) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(vocab.types[next] ?? []));
  }
  return false;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const schemaUrl = "https://schema.org/";
const isObject = (v: Json): v is JsonObject => v !== null && typeof v === "object" && !Array.isArray(v);
const typesOf = (node: JsonObject): string[] =>
  ([] as Json[]).concat(node["@type"] ?? []).filter((t): t is string => typeof t === "string");

/**
 * Checks every `@type`, property and schema.org enumeration value in a `@graph` against the
 * vocabulary: it must exist, must not be superseded, and a property must belong to (a parent
 * of) the node's type. Nested nodes and `@id` references must fit the property's range.
 */
export function checkVocabulary(graph: Json[]): GraphFinding[] {
  const byId = new Map<string, JsonObject>();
  for (const node of graph)
    if (isObject(node) && typeof node["@id"] === "string") byId.set(node["@id"], node);
  const walk: Walk = { byId, findings: [] };
  graph.forEach((node, i) => checkNode(node, `@graph[${i}]`, walk));
  return walk.findings;
}

/** What a check of one graph shares: its nodes by `@id`, and the findings so far. */
interface Walk {
  byId: Map<string, JsonObject>;
  findings: GraphFinding[];
}

function error(path: string, message: string): GraphFinding {
  return { severity: "error", check: "jsonld-vocabulary", path, message };
}

function checkNode(node: Json, path: string, walk: Walk): void {
  if (!isObject(node)) return;
  const { findings } = walk;
  const vocab = vocabulary();
  const types = typesOf(node);
  for (const type of types) {
    if (!(type in vocab.types)) findings.push(error(`${path}.@type`, `"${type}" is not a schema.org type`));
    else if (vocab.superseded[type])
      findings.push(error(`${path}.@type`, `"${type}" is superseded by "${vocab.superseded[type]}"`));
  }
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("@")) continue;
    checkProperty(types, key, value, `${path}.${key}`, walk);
  }
}

function checkProperty(types: string[], key: string, value: Json, path: string, walk: Walk): void {
  const { findings } = walk;
  const vocab = vocabulary();
  const property = vocab.properties[key];
  if (!property) return void findings.push(error(path, `"${key}" is not a schema.org property`));
  if (vocab.superseded[key])
    findings.push(error(path, `"${key}" is superseded by "${vocab.superseded[key]}"`));
  const known = types.filter((t) => t in vocab.types);
  if (known.length > 0 && !known.some((t) => property.domains.some((d) => isA(t, d)))) {
    findings.push(
      error(
        path,
        `"${key}" is not a property of ${known.join(", ")} (it belongs to ${property.domains.join(", ")})`,
      ),
    );
  }
  const values = Array.isArray(value) ? value : [value];
  values.forEach((item, i) =>
    checkValue(key, item, values.length > 1 || Array.isArray(value) ? `${path}[${i}]` : path, walk),
  );
}

function checkValue(key: string, value: Json, path: string, walk: Walk): void {
  const { byId, findings } = walk;
  const vocab = vocabulary();
  const ranges = vocab.properties[key]?.ranges ?? [];
  if (typeof value === "string" && value.startsWith(schemaUrl)) {
    const term = value.slice(schemaUrl.length);
    if (!(term in vocab.members) && !(term in vocab.types))
      findings.push(error(path, `"${value}" is not a schema.org term`));
    else if (vocab.superseded[term])
      findings.push(error(path, `"${value}" is superseded by "${vocab.superseded[term]}"`));
    else if (term in vocab.members && !vocab.members[term]!.some((t) => ranges.some((r) => isA(t, r)))) {
      findings.push(
        error(path, `"${term}" is not a valid value for "${key}" (expects ${ranges.join(", ")})`),
      );
    }
    return;
  }
  if (!isObject(value)) return;
  const target =
    typeof value["@id"] === "string" && typesOf(value).length === 0 ? byId.get(value["@id"]) : value;
  if (!target)
    return void findings.push(error(path, `"@id" ${String(value["@id"])} points at no node in the graph`));
  const targetTypes = typesOf(target);
  if (
    ranges.length > 0 &&
    targetTypes.length > 0 &&
    !targetTypes.some((t) => ranges.some((r) => isA(t, r)))
  ) {
    findings.push(
      error(
        path,
        `a ${targetTypes.join("/")} is not a valid value for "${key}" (expects ${ranges.join(", ")})`,
      ),
    );
  }
  if (target === value) checkNode(value, path, walk);
}
