import type { Graph, Thing, WebPage } from "schema-dts";
import type { Page } from "../plan/index.ts";
import type { RenderData } from "../render/render-data.ts";
import {
  breadcrumbNode,
  citationNodes,
  clinicNode,
  conditionNode,
  faqNode,
  ids,
  organizationNode,
  personNode,
  ref,
  reviewerRef,
  clinicRef,
  therapyNode,
  websiteNode,
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
      // The city page shows one study (the evidence headline); the rest are on the hub.
      // The clinic is named and linked, not described: its full node lives on its own page.
      Object.assign(pageNode, medicalPageFields(d, condition, 1), {
        "@type": "MedicalWebPage",
        mentions: clinicRef(d, clinic),
      });
      // Only this place's questions about this condition: each question is marked up on one page.
      const faq = location.faqByCondition[condition.id] ?? [];
      const faqNodes = faq.length > 0 ? [faqNode(`${page.canonical}#faq`, faq)] : [];
      return [
        therapyNode(d),
        conditionNode(d, condition, true),
        personNode(d, condition.reviewerPerson),
        ...faqNodes,
      ];
    }
    case "condition": {
      const condition = d.conditions[page.condition]!;
      Object.assign(pageNode, medicalPageFields(d, condition), { "@type": "MedicalWebPage" });
      const faqNodes = condition.faq.length > 0 ? [faqNode(`${page.canonical}#faq`, condition.faq)] : [];
      return [
        therapyNode(d),
        conditionNode(d, condition),
        personNode(d, condition.reviewerPerson),
        ...faqNodes,
      ];
    }
    case "location": {
      const location = d.locations[page.location]!;
      Object.assign(pageNode, { "@type": "CollectionPage", about: ref(ids.clinic(d, page.clinic)) });
      const faqNodes =
        location.generalFaq.length > 0 ? [faqNode(`${page.canonical}#faq`, location.generalFaq)] : [];
      return [therapyNode(d), clinicNode(d, d.clinics[page.clinic]!, location), ...faqNodes];
    }
    case "clinic": {
      const clinic = d.clinics[page.clinic]!;
      Object.assign(pageNode, {
        "@type": "WebPage",
        about: ref(ids.clinic(d, clinic.id)),
        mainEntity: ref(ids.clinic(d, clinic.id)),
      });
      const served = page.served.map((s) => d.locations[s.location]!);
      return [therapyNode(d), clinicNode(d, clinic, served), ...clinic.team.map((p) => personNode(d, p))];
    }
    case "practitioner": {
      const person = d.practitioners[page.practitioner]!;
      Object.assign(pageNode, { "@type": "ProfilePage", mainEntity: ref(ids.person(d, person.id)) });
      return [personNode(d, person, true)];
    }
    case "clinics":
    case "team":
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

/** `shown`: how many of the condition's studies the page cites (all on the hub). */
function medicalPageFields(d: RenderData, condition: RenderData["conditions"][string], shown?: number) {
  return {
    about: ref(ids.condition(d, condition)),
    reviewedBy: reviewerRef(d, condition.reviewerPerson),
    lastReviewed: condition.lastReviewed,
    citation: citationNodes(condition).slice(0, shown),
    audience: { "@type": "MedicalAudience", audienceType: "Patient" },
  };
}
