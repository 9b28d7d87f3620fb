import { isA, type GraphFinding } from "../vocabulary/vocabulary.ts";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Rule {
  /** Applies to nodes of this type or a subtype. */
  type: string;
  required: string[];
  recommended: string[];
  /** Extra checks that need more than presence. */
  check?: (node: JsonObject, path: string) => GraphFinding[];
}

const isObject = (v: Json | undefined): v is JsonObject =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const asList = (v: Json | undefined): Json[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const present = (v: Json | undefined) =>
  v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0);

/**
 * Google Search's required and recommended properties for the rich-result types clinic-pages
 * emits (LocalBusiness for the clinic, Organization, BreadcrumbList, FAQPage). `priceRange`,
 * `aggregateRating` and `review` are left out on purpose: clinics rarely publish a price range,
 * and Google does not show self-serving reviews for a business on its own site.
 */
const rules: Rule[] = [
  {
    type: "LocalBusiness",
    required: ["name", "address"],
    recommended: ["telephone", "url", "geo", "openingHoursSpecification"],
    check: checkLocalBusiness,
  },
  { type: "Organization", required: ["name"], recommended: ["url", "logo"], check: checkNoRatings },
  { type: "BreadcrumbList", required: ["itemListElement"], recommended: [], check: checkBreadcrumbs },
  { type: "FAQPage", required: ["mainEntity"], recommended: [], check: checkFaq },
];

function finding(severity: GraphFinding["severity"], path: string, message: string): GraphFinding {
  return { severity, check: "jsonld-google", path, message };
}

/** Google's rules for every node in a graph: missing required properties are errors, recommended ones warnings. */
export function checkGoogle(graph: Json[]): GraphFinding[] {
  return graph.flatMap((node, i) => {
    if (!isObject(node)) return [];
    const types = asList(node["@type"]).filter((t): t is string => typeof t === "string");
    const path = `@graph[${i}]`;
    return rules
      .filter((rule) => types.some((t) => isA(t, rule.type)))
      .flatMap((rule) => [
        ...rule.required
          .filter((p) => !present(node[p]))
          .map((p) =>
            finding("error", `${path}.${p}`, `${types.join("/")} needs "${p}" for Google rich results`),
          ),
        ...rule.recommended
          .filter((p) => !present(node[p]))
          .map((p) =>
            finding(
              "warning",
              `${path}.${p}`,
              `${types.join("/")} should have "${p}" (recommended by Google)`,
            ),
          ),
        ...(rule.check?.(node, path) ?? []),
      ]);
  });
}

function checkNoRatings(node: JsonObject, path: string): GraphFinding[] {
  return ["aggregateRating", "review"]
    .filter((p) => node[p] !== undefined)
    .map((p) =>
      finding(
        "error",
        `${path}.${p}`,
        `"${p}" on your own business is a self-serving review that Google ignores and may penalize; remove it`,
      ),
    );
}

/** Ratings are checked by the Organization rule, which every LocalBusiness also meets. */
function checkLocalBusiness(node: JsonObject, path: string): GraphFinding[] {
  const findings: GraphFinding[] = [];
  const geo = node.geo;
  if (isObject(geo)) {
    for (const axis of ["latitude", "longitude"] as const) {
      const value = geo[axis];
      const decimals = typeof value === "number" ? (String(value).split(".")[1] ?? "").length : 0;
      if (decimals < 5)
        findings.push(
          finding(
            "warning",
            `${path}.geo.${axis}`,
            `${axis} ${String(value)} has ${decimals} decimal places; Google asks for at least 5`,
          ),
        );
    }
  }
  return findings;
}

function checkBreadcrumbs(node: JsonObject, path: string): GraphFinding[] {
  const items = asList(node.itemListElement);
  const findings: GraphFinding[] = [];
  if (items.length < 2)
    findings.push(finding("error", `${path}.itemListElement`, "a breadcrumb trail needs at least two items"));
  items.forEach((item, i) => {
    const at = `${path}.itemListElement[${i}]`;
    if (!isObject(item))
      return void findings.push(finding("error", at, "each breadcrumb must be a ListItem"));
    if (item.position !== i + 1)
      findings.push(
        finding("error", `${at}.position`, `expected position ${i + 1}, got ${String(item.position)}`),
      );
    if (!present(item.name)) findings.push(finding("error", `${at}.name`, "each breadcrumb needs a name"));
    if (i < items.length - 1 && !present(item.item))
      findings.push(finding("error", `${at}.item`, "each breadcrumb but the last needs an item URL"));
  });
  return findings;
}

function checkFaq(node: JsonObject, path: string): GraphFinding[] {
  return asList(node.mainEntity).flatMap((question, i) => {
    const at = `${path}.mainEntity[${i}]`;
    if (!isObject(question) || !present(question.name))
      return [finding("error", `${at}.name`, "each question needs its text in name")];
    const answer = question.acceptedAnswer;
    return isObject(answer) && present(answer.text)
      ? []
      : [finding("error", `${at}.acceptedAnswer.text`, "each question needs an acceptedAnswer with text")];
  });
}
