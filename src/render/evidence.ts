import { comparisonLabels, type Comparison } from "../validate/evidence-schema.ts";
import { coversCondition } from "../validate/evidence-scope.ts";
import type { Condition } from "../validate/index.ts";
import { citationLinks } from "../rules/urls.ts";
import { shortAuthors } from "../rules/citations.ts";

export interface CitationView {
  authors: string;
  title: string;
  journal: string;
  year: number;
  /** The study's DOI link, or its PubMed record when it has no DOI. */
  url: string;
  /** The PubMed record as a second link, when the study has both a DOI and a PubMed id. */
  pubmedUrl?: string;
}

/** One cited study as the evidence macro shows it: the summary, the citation and the study's scope. */
export interface EvidenceView {
  claim: string;
  citation: CitationView;
  scope: {
    covers: string;
    notIncluded?: string;
    certainty: string;
    /** "sham (placebo) acupuncture and usual care" */
    comparedWith: string;
    /** Comparison ids separated by spaces, for the audit's evidence lint (data-evidence-comparison). */
    comparisonIds: string;
    /** Whether the study covered the condition of the page citing it (data-evidence-scope). */
    inScope: boolean;
  };
}

/** The evidence entries of a condition, ready for the evidence macro. */
export function evidenceViews(condition: Condition): EvidenceView[] {
  return condition.evidence.map((entry) => {
    const comparisons = ordered(entry.scope.comparison);
    return {
      claim: entry.claim,
      citation: citationView(entry.citation),
      scope: {
        covers: entry.scope.covers,
        notIncluded: entry.scope.notIncluded,
        // The macro closes the quotation with its own full stop.
        certainty: entry.scope.certainty.replace(/\.$/, ""),
        comparedWith: listInWords(comparisons.map((c) => comparisonLabels[c])),
        comparisonIds: comparisons.join(" "),
        inScope: coversCondition(entry.scope, condition.id),
      },
    };
  });
}

type Citation = Condition["evidence"][number]["citation"];

/** A citation's parts and links to its DOI and PubMed records. */
export function citationView(citation: Citation): CitationView {
  // The DOI first when there is one; PubMed as a second link only beside a DOI.
  const [url, pubmedUrl] = citationLinks(citation) as [string, string | undefined];
  const title = citation.title.replace(/\.$/, "");
  const authors = shortAuthors(citation.authors);
  return {
    authors,
    title,
    journal: citation.journal,
    year: citation.year,
    url,
    pubmedUrl,
  };
}

/** Comparisons in the order of comparisonLabels, without repeats, so pages do not depend on typing order. */
function ordered(comparisons: Comparison[]): Comparison[] {
  return (Object.keys(comparisonLabels) as Comparison[]).filter((c) => comparisons.includes(c));
}

/** "a", "a and b", "a, b and c" */
export function listInWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
