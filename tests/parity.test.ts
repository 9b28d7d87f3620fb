import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clockTime } from "../src/render/format.ts";
import { fixtureSite } from "./helpers.ts";

type Node = Record<string, unknown>;

function pageParts(out: string, url: string) {
  const html = readFileSync(join(out, url.endsWith("/") ? `${url}index.html` : url), "utf8");
  const script = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]!;
  const body = html.slice(html.indexOf("<body"));
  const visible = body
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ");
  return { html: body, visible, graph: JSON.parse(script)["@graph"] as Node[] };
}

/** Facts in the graph a visitor must be able to see, each with how it appears on the page. */
function facts(
  graph: Node[],
): Array<{ what: string; shown: (page: ReturnType<typeof pageParts>) => boolean }> {
  const text = (what: string, value: unknown) => ({
    what,
    shown: (p: ReturnType<typeof pageParts>) => p.visible.includes(String(value)),
  });
  const list: ReturnType<typeof facts> = [];
  for (const node of graph) {
    const type = node["@type"];
    if (type === "MedicalClinic") {
      const address = node.address as Node;
      list.push(
        text("clinic name", node.name),
        text("street", address.streetAddress),
        text("postal code", address.postalCode),
      );
      const digits = String(node.telephone).replace(/\D/g, "").slice(1);
      list.push({
        what: `phone ${String(node.telephone)}`,
        shown: (p) => p.visible.replace(/\D/g, "").includes(digits),
      });
      for (const spec of (node.openingHoursSpecification ?? []) as Node[]) {
        const opens =
          String(spec.opens) === "00:00" && String(spec.closes) === "23:59"
            ? "Open 24 hours"
            : clockTime(String(spec.opens));
        list.push(text(`hours ${String(spec.opens)}`, opens));
      }
      if (node.priceRange) list.push(text("price range", node.priceRange));
    }
    if (type === "Person") list.push(text("person", node.name), text("credentials", node.honorificSuffix));
    if (type === "Person" && node.description) list.push(text("bio", node.description));
    if (type === "MedicalWebPage") {
      list.push({
        what: `lastReviewed ${String(node.lastReviewed)}`,
        shown: (p) => p.html.includes(`datetime="${String(node.lastReviewed)}"`),
      });
      for (const article of node.citation as Node[]) list.push(text("citation title", article.headline));
    }
    if (type === "MedicalCondition") {
      list.push({
        what: "condition name",
        shown: (p) => p.visible.toLowerCase().includes(String(node.name).toLowerCase()),
      });
      for (const code of (node.code ?? []) as Node[]) list.push(text("ICD-10 code", code.codeValue));
    }
    if (type === "FAQPage") {
      for (const q of node.mainEntity as Node[])
        list.push(text("question", q.name), text("answer", (q.acceptedAnswer as Node).text));
    }
    if (type === "BreadcrumbList")
      for (const item of node.itemListElement as Node[]) list.push(text("breadcrumb", item.name));
  }
  return list;
}

describe("parity: every fact in the JSON-LD is visible on the page", () => {
  const out = fixtureSite();

  it.each([
    ["home", "/", 2],
    ["locations index", "/locations/", 1],
    ["location hub", "/locations/pompano-beach-fl/", 10],
    ["condition hub", "/acupuncture-for-sciatica/", 8],
    ["condition × location", "/acupuncture-for-neck-pain/pompano-beach-fl/", 10],
    ["clinic", "/clinics/north/", 10],
    ["practitioner", "/team/ann-reviewer/", 5],
    ["clinics hub", "/clinics/", 2],
  ])("%s", (_kind, url, atLeast) => {
    const page = pageParts(out, url);
    const checks = facts(page.graph);
    expect(checks.length).toBeGreaterThanOrEqual(atLeast);
    expect(checks.filter((c) => !c.shown(page)).map((c) => c.what)).toEqual([]);
  });
});
