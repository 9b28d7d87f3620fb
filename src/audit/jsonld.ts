import { checkGoogle } from "../structured-data/google.ts";
import { checkVocabulary } from "../structured-data/vocabulary.ts";
import type { Finding } from "./types.ts";

/** Every page has exactly one JSON-LD block that parses, uses real schema.org terms and meets Google's rules. */
export function auditJsonLd(url: string, blocks: string[]): Finding[] {
  const at = (message: string, path?: string): Finding => ({ check: "jsonld", severity: "error", page: url, message, path });
  if (blocks.length !== 1) return [at(`expected one JSON-LD block, found ${blocks.length}`)];
  let graph: unknown;
  try {
    graph = (JSON.parse(blocks[0]!) as { "@graph"?: unknown })["@graph"];
  } catch (error) {
    return [at(`JSON-LD does not parse: ${(error as Error).message}`)];
  }
  if (!Array.isArray(graph)) return [at('JSON-LD has no "@graph" list')];
  return [...checkVocabulary(graph), ...checkGoogle(graph)].map((f) => ({ check: f.check, severity: f.severity, page: url, message: f.message, path: f.path }));
}
