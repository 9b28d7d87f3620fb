import type { Graph, MedicalWebPage, Thing, WebPage } from "schema-dts";
import type { Page } from "../plan/index.ts";
import type { ConditionInput, GraphInput } from "./input.ts";
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

/** What a page kind adds to the graph: the node of the page itself, then what the page shows. */
interface PageGraph {
  page: WebPage;
  nodes: Thing[];
}

type PageOf<K extends Page["kind"]> = Extract<Page, { kind: K }>;

/** The page node's properties every page kind shares, after its `@type`. */
type PageBase = ReturnType<typeof pageBase>;

/** One resolver per page kind: the page node with its own `@type`, and the nodes it shows. */
type Resolvers = { [K in Page["kind"]]: (page: PageOf<K>, d: GraphInput, base: PageBase) => PageGraph };

/** One `@graph` describing exactly what the page shows. */
export function buildGraph(page: Page, d: GraphInput): Graph {
  const base = pageBase(page, d);
  // TypeScript cannot tie `resolvers[page.kind]` to the narrowed page; `Resolvers` does per kind.
  const resolve = resolvers[page.kind] as (page: Page, d: GraphInput, base: PageBase) => PageGraph;
  const { page: pageNode, nodes } = resolve(page, d, base);
  const breadcrumb = base.breadcrumb ? [breadcrumbNode(d, base.breadcrumb["@id"], page.breadcrumbs)] : [];
  return {
    "@context": "https://schema.org",
    "@graph": [websiteNode(d), organizationNode(d), ...breadcrumb, pageNode, ...nodes],
  };
}

function pageBase(page: Page, d: GraphInput) {
  return {
    "@id": `${page.canonical}#webpage`,
    url: page.canonical,
    name: page.title,
    description: page.description,
    inLanguage: d.site.language,
    isPartOf: ref(ids.website(d)),
    ...(page.lastmod ? { dateModified: page.lastmod } : {}),
    ...(page.breadcrumbs.length >= 2 ? { breadcrumb: ref(`${page.canonical}#breadcrumb`) } : {}),
  };
}

const resolvers: Resolvers = {
  conditionLocation(page, d, base) {
    const condition = d.conditions[page.condition]!;
    // Only this place's questions about this condition: each question is marked up on one page.
    const faq = d.locations[page.location]!.faqByCondition[condition.id] ?? [];
    return {
      // The city page shows one study (the evidence headline); the rest are on the hub.
      // The clinic is named and linked, not described: its full node lives on its own page.
      page: {
        "@type": "MedicalWebPage",
        ...base,
        ...medicalPageFields(d, condition, 1),
        mentions: clinicRef(d, d.clinics[page.clinic]!),
      },
      nodes: [
        therapyNode(d),
        conditionNode(d, condition, true),
        personNode(d, reviewerOf(d, condition)),
        ...(faq.length > 0 ? [faqNode(`${page.canonical}#faq`, faq)] : []),
      ],
    };
  },
  condition(page, d, base) {
    const condition = d.conditions[page.condition]!;
    return {
      page: { "@type": "MedicalWebPage", ...base, ...medicalPageFields(d, condition) },
      nodes: [
        therapyNode(d),
        conditionNode(d, condition),
        personNode(d, reviewerOf(d, condition)),
        ...(condition.faq.length > 0 ? [faqNode(`${page.canonical}#faq`, condition.faq)] : []),
      ],
    };
  },
  location(page, d, base) {
    const location = d.locations[page.location]!;
    const faq = location.generalFaq;
    return {
      page: { "@type": "CollectionPage", ...base, about: ref(ids.clinic(d, page.clinic)) },
      nodes: [
        therapyNode(d),
        clinicNode(d, d.clinics[page.clinic]!, location),
        ...(faq.length > 0 ? [faqNode(`${page.canonical}#faq`, faq)] : []),
      ],
    };
  },
  clinic(page, d, base) {
    const clinic = d.clinics[page.clinic]!;
    const served = page.served.map((s) => d.locations[s.location]!);
    const team = clinic.practitioners.map((id) => personNode(d, d.practitioners[id]!));
    return {
      page: {
        "@type": "WebPage",
        ...base,
        about: ref(ids.clinic(d, clinic.id)),
        mainEntity: ref(ids.clinic(d, clinic.id)),
      },
      nodes: [therapyNode(d), clinicNode(d, clinic, served), ...team],
    };
  },
  practitioner(page, d, base) {
    const person = d.practitioners[page.practitioner]!;
    return {
      page: { "@type": "ProfilePage", ...base, mainEntity: ref(ids.person(d, person.id)) },
      nodes: [personNode(d, person, true)],
    };
  },
  clinics: (_page, _d, base) => ({ page: { "@type": "CollectionPage", ...base }, nodes: [] }),
  team: (_page, _d, base) => ({ page: { "@type": "CollectionPage", ...base }, nodes: [] }),
  locations: (_page, _d, base) => ({ page: { "@type": "CollectionPage", ...base }, nodes: [] }),
  home: (_page, d, base) => ({
    page: { "@type": "WebPage", ...base, about: ref(ids.organization(d)) },
    nodes: [therapyNode(d), ...Object.values(d.clinics).map((c) => clinicNode(d, c))],
  }),
  notFound: (_page, _d, base) => ({ page: { "@type": "WebPage", ...base }, nodes: [] }),
  statement: (_page, _d, base) => ({ page: { "@type": "WebPage", ...base }, nodes: [] }),
};

function reviewerOf(d: GraphInput, condition: ConditionInput) {
  return d.practitioners[condition.reviewer]!;
}

/** `shown`: how many of the condition's studies the page cites (all on the hub). */
function medicalPageFields(
  d: GraphInput,
  condition: ConditionInput,
  shown?: number,
): Pick<MedicalWebPage, "about" | "reviewedBy" | "lastReviewed" | "citation" | "audience"> {
  return {
    about: ref(ids.condition(d, condition)),
    reviewedBy: reviewerRef(d, reviewerOf(d, condition)),
    lastReviewed: condition.lastReviewed,
    citation: citationNodes(condition).slice(0, shown),
    audience: { "@type": "MedicalAudience", audienceType: "Patient" },
  };
}
