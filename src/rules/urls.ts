// URL shapes more than one stage writes: the plan links to condition hubs and structured data
// names the condition by its hub's URL; templates link citations and JSON-LD lists them.

/** `/acupuncture-for-sciatica/`: the hub page of a condition, and the prefix of its city pages. */
export function conditionHubPath(therapySlug: string, conditionId: string): string {
  return `/${therapySlug}-for-${conditionId}/`;
}

/** A cited study's identifiers: a DOI and/or a PubMed id. */
export interface CitedStudy {
  doi?: string;
  pmid?: string | number;
}

/** Links to a cited study, the DOI first (the publisher's record), then PubMed. */
export function citationLinks(study: CitedStudy): string[] {
  return [
    ...(study.doi ? [`https://doi.org/${study.doi}`] : []),
    ...(study.pmid ? [`https://pubmed.ncbi.nlm.nih.gov/${study.pmid}/`] : []),
  ];
}
