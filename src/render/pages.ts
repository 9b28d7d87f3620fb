import type { Page, PageKind } from "../plan/index.ts";
import { nunjucksEnvironment, pageTemplates, type PageTemplate } from "./nunjucks.ts";
import type { RenderData } from "./render-data.ts";

/** Renders planned pages with the page templates, compiled once. */
export class PageRenderer {
  private readonly templates: Map<PageKind, PageTemplate> = pageTemplates(nunjucksEnvironment());

  /** One page's HTML, exactly as Eleventy renders it from the same template and data. */
  render(page: Page, cp: RenderData): string {
    const template = this.templates.get(page.kind);
    if (!template) throw new Error(`no template in templates/ renders pages of kind "${page.kind}"`);
    return template.template.render({ cp, p: page });
  }
}
