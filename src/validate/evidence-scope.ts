import type { SourceFile } from "../load/index.ts";
import type { Problem } from "../problems.ts";
import type { EvidenceScope } from "./evidence-schema.ts";
import type { Condition } from "./index.ts";
import { fieldName } from "./issues.ts";

/**
 * Words that tell the reader a study did not cover the people on this page. Kept deliberately
 * plain: the summary has to say it, not hint at it.
 */
const acknowledgement = new RegExp(
  [
    "\\b(?:(?:did|does|do)\\s+not|didn't|doesn't|not)\\s+" +
      "(?:include|study|cover|enrol|enroll|test|look\\s+at|involve)\\b",
    "\\bnot\\s+(?:included|studied|covered|tested)\\b",
    "\\bexclud(?:ed|es|ing)\\b",
    "\\boutside\\s+(?:its|the\\s+study's|this\\s+study's)\\s+scope\\b",
    "\\bonly\\s+indirectly\\b",
  ].join("|"),
  "i",
);

/** True when the study covered the condition whose page cites it. */
export function coversCondition(scope: EvidenceScope, conditionId: string): boolean {
  return scope.conditions.includes(conditionId);
}

/** True when a summary says in words that the study did not cover the people on this page. */
export function acknowledgesScope(claim: string): boolean {
  return acknowledgement.test(claim);
}

/**
 * Warnings for studies cited on a condition outside their scope whose summary does not say so.
 * `files` are the loaded condition files, for line numbers.
 */
export function evidenceScopeWarnings(conditions: Condition[], files: SourceFile[]): Problem[] {
  const byPath = new Map(files.map((file) => [file.path, file]));
  return conditions.flatMap((condition) =>
    condition.evidence.flatMap((entry, i) => {
      if (coversCondition(entry.scope, condition.id) || acknowledgesScope(entry.claim)) return [];
      const path = ["evidence", i, "scope", "conditions"];
      const study = `${entry.citation.authors.split(",")[0]} ${entry.citation.year}`;
      const covered = entry.scope.conditions.join(", ") || "none of this site's conditions";
      const example = `"It did not include people with ${condition.shortName.toLowerCase()}."`;
      return [
        {
          file: condition.file,
          line: byPath.get(condition.file)?.lineOf(path),
          field: fieldName(path),
          message: `${study} is cited for ${condition.id}, but its scope covers ${covered}`,
          hint:
            `say so in the claim (for example ${example}), ` +
            `cite a study of this condition, or add ${condition.id} to scope.conditions if it did`,
        },
      ];
    }),
  );
}
