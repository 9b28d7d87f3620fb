import { checkGoogle } from "../structured-data/google.ts";
import { checkVocabulary, isA } from "../vocabulary/vocabulary.ts";
import type { Finding } from "./types.ts";

/** A page's JSON-LD, parsed once: the nodes of its one `@graph`, or why there are none. */
export type PageGraph = { nodes: unknown[] } | { problem: string };

/** Reads the page's JSON-LD blocks into one graph; more or fewer than one block is a problem. */
export function readGraph(blocks: string[]): PageGraph {
  if (blocks.length !== 1) return { problem: `expected one JSON-LD block, found ${blocks.length}` };
  let graph: unknown;
  try {
    graph = (JSON.parse(blocks[0]!) as { "@graph"?: unknown })["@graph"];
  } catch (error) {
    return { problem: `JSON-LD does not parse: ${(error as Error).message}` };
  }
  return Array.isArray(graph) ? { nodes: graph } : { problem: 'JSON-LD has no "@graph" list' };
}

/** Every page has exactly one JSON-LD block that parses, uses real schema.org terms and meets Google's rules. */
export function auditJsonLd(url: string, graph: PageGraph): Finding[] {
  if ("problem" in graph) return [{ check: "jsonld", severity: "error", page: url, message: graph.problem }];
  const found = [...checkVocabulary(graph.nodes as never), ...checkGoogle(graph.nodes as never)];
  return found.map((f) => ({
    check: f.check,
    severity: f.severity,
    page: url,
    message: f.message,
    path: f.path,
  }));
}

/** True when the graph describes the page as a MedicalWebPage (or a kind of one): a condition page. */
export function isMedicalPage(graph: PageGraph): boolean {
  if ("problem" in graph) return false;
  return graph.nodes.some((node) => {
    const type = (node as { "@type"?: unknown } | null)?.["@type"];
    const types = Array.isArray(type) ? type : [type];
    return types.some((t) => typeof t === "string" && (t === "MedicalWebPage" || isA(t, "MedicalWebPage")));
  });
}
