// Lengths search results show. The plan fits titles and descriptions to them and warns when a
// pattern cannot; the audit checks the built pages against the same numbers.

/** Titles longer than this are cut off in search results. */
export const titleMax = 60;

/** Meta descriptions shorter or longer than this read badly in search results. */
export const descriptionRange = [70, 160] as const;
