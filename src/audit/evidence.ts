import { pageAttributes } from "../rules/page-markup.ts";
import type { PageFacts } from "./parse.ts";
import type { Finding } from "./types.ts";

/**
 * The attributes the evidence macro (templates/_includes/macros.njk) puts on each evidence
 * summary: the study's comparison ids, and whether it covered the condition of the page.
 */
export const evidenceAttributes = {
  comparison: pageAttributes.evidenceComparison,
  scope: pageAttributes.evidenceScope,
} as const;

/** One evidence summary as the page shows it. */
export interface EvidenceSummary {
  claim: string;
  comparison: string[];
  inScope: boolean;
}

/**
 * Comparisons that can back a cause-and-effect sentence: a control group that did not get the
 * acupuncture being tested. A trial of one acupuncture style against another, or one with no
 * comparison group, cannot show that acupuncture caused the change.
 */
const controls = new Set(["sham", "usual-care", "no-treatment", "drugs", "other-treatment"]);

/** Verbs (and their nouns) that say acupuncture caused a change. */
const causal = new RegExp(
  `\\b(?:${[
    "reliev(?:e|es|ed|ing)|relief",
    "improv(?:e|es|ed|ing|ement|ements)",
    "reduc(?:e|es|ed|ing|tion|tions)",
    "cur(?:e|es|ed|ing)",
    "heal(?:s|ed|ing)?",
    "eas(?:e|es|ed|ing)",
    "lower(?:s|ed)",
    "alleviat(?:e|es|ed|ing)",
    "eliminat(?:e|es|ed|ing)",
    "resolv(?:e|es|ed)",
    "restor(?:e|es|ed)",
    "prevent(?:s|ed)?",
    "revers(?:e|es|ed)",
  ].join("|")})\\b`,
  "gi",
);

/** A negation earlier in the same sentence ("found no evidence that it improves") is not a claim. */
const negation = /\b(?:no|not|never|neither|nor|without|did\s+not|didn't|does\s+not|doesn't|failed\s+to)\b/i;

/** Why a study cannot back a causal verb on this page, or undefined when it can. */
export function unsupportedBecause(summary: EvidenceSummary): string | undefined {
  if (!summary.inScope) return "the study did not cover this condition";
  if (summary.comparison.some((c) => controls.has(c))) return undefined;
  if (summary.comparison.includes("other-acupuncture")) {
    return "the study compared acupuncture only with other forms of acupuncture";
  }
  return "the study had no comparison group";
}

/** The causal words a summary uses outside a negated sentence. */
export function causalWords(claim: string): Array<{ word: string; context: string }> {
  return [...claim.matchAll(causal)].flatMap((m) => {
    const sentenceStart = Math.max(claim.lastIndexOf(".", m.index), claim.lastIndexOf(";", m.index)) + 1;
    if (negation.test(claim.slice(sentenceStart, m.index))) return [];
    const context = claim.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40);
    return [{ word: m[0], context: context.replace(/\s+/g, " ").trim() }];
  });
}

/** Flags evidence summaries with cause-and-effect words the study's scope or comparison cannot back. */
export function evidenceWording(url: string, page: PageFacts): Finding[] {
  return page.evidence.flatMap((summary) => {
    const reason = unsupportedBecause(summary);
    if (!reason) return [];
    return causalWords(summary.claim).map(({ word, context }) => ({
      check: "medical.evidence-wording",
      severity: "warning" as const,
      page: url,
      message: `an evidence summary says "${word}" in "…${context}…", but ${reason}`,
      hint:
        "say what the study found without cause-and-effect verbs " +
        '("found no conclusive evidence", "did better than"), ' +
        "or correct the study's scope in the condition file",
    }));
  });
}
