import type { Graph, Thing, WebPage } from "schema-dts";
import type { Page } from "../plan/index.ts";
import type { RenderData } from "../render/render-data.ts";
import {
  breadcrumbNode, citationNodes, clinicNode, conditionNode, faqNode, ids, organizationNode,
  personNode, ref, therapyNode, websiteNode,
} from "./nodes.ts";

/** One `@graph` describing exactly what the page shows. */
export function buildGraph(page: Page, d: RenderData): Graph {
  const nodes: Thing[] = [websiteNode(d), organizationNode(d)];
  const pageId = `${page.canonical}#webpage`;
  const breadcrumbId = `${page.canonical}#breadcrumb`;
  const pageNode: WebPage & Record<string, unknown> = {
    "@type": "WebPage",
    "@id": pageId,
    url: page.canonical,
    name: page.title,
    description: page.description,
    inLanguage: d.site.language,
    isPartOf: ref(ids.website(d)),
    ...(page.lastmod ? { dateModified: page.lastmod } : {}),
  };
  if (page.breadcrumbs.length >= 2) {
    nodes.push(breadcrumbNode(d, breadcrumbId, page.breadcrumbs));
    pageNode.breadcrumb = ref(breadcrumbId);
  }
  nodes.push(pageNode as Thing, ...pageSpecificNodes(page, d, pageNode));
  return { "@context": "https://schema.org", "@graph": nodes };
}

function pageSpecificNodes(page: Page, d: RenderData, pageNode: Record<string, unknown>): Thing[] {
  switch (page.kind) {
    case "conditionLocation": {
      const condition = d.conditions[page.condition]!;
      const location = d.locations[page.location]!;
      const clinic = d.clinics[page.clinic]!;
      Object.assign(pageNode, medicalPageFields(d, condition), { "@type": "MedicalWebPage" });
      const faq = [...condition.faq, ...location.faq];
      const faqNodes = faq.length > 0 ? [faqNode(`${page.canonical}#faq`, faq)] : [];
      return [therapyNode(d), conditionNode(d, condition), personNode(d, condition.reviewerPerson), clinicNode(d, clinic, location), ...faqNodes];
    }
    case "condition": {
      const condition = d.conditions[page.condition]!;
      Object.assign(pageNode, medicalPageFields(d, condition), { "@type": "MedicalWebPage" });
      const faqNodes = condition.faq.length > 0 ? [faqNode(`${page.canonical}#faq`, condition.faq)] : [];
      return [therapyNode(d), conditionNode(d, condition), personNode(d, condition.reviewerPerson), ...faqNodes];
    }
    case "location": {
      const location = d.locations[page.location]!;
      Object.assign(pageNode, { "@type": "CollectionPage", about: ref(ids.clinic(d, page.clinic)) });
      const faqNodes = location.faq.length > 0 ? [faqNode(`${page.canonical}#faq`, location.faq)] : [];
      return [therapyNode(d), clinicNode(d, d.clinics[page.clinic]!, location), ...faqNodes];
    }
    case "locations":
      Object.assign(pageNode, { "@type": "CollectionPage" });
      return [];
    case "home":
      Object.assign(pageNode, { "@type": "WebPage", about: ref(ids.organization(d)) });
      return [therapyNode(d), ...Object.values(d.clinics).map((c) => clinicNode(d, c))];
    case "notFound":
    case "statement":
      return [];
  }
}

function medicalPageFields(d: RenderData, condition: RenderData["conditions"][string]) {
  return {
    about: ref(ids.condition(d, condition)),
    reviewedBy: ref(ids.person(d, condition.reviewer)),
    lastReviewed: condition.lastReviewed,
    citation: citationNodes(condition),
    audience: { "@type": "MedicalAudience", audienceType: "Patient" },
  };
}
