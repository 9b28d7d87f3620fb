import { z } from "zod";
import { urlField } from "./fields.ts";

/** The Git host the CMS commits to when editors sign in on the deployed /admin/. */
const cmsBackend = z
  .object({
    name: z
      .enum(["github", "gitlab"], { error: 'expected "github" or "gitlab"' })
      .meta({ description: "Where the site's repository is hosted.", examples: ["github"] }),
    repo: z
      .string({ error: 'expected the repository as "owner/name"' })
      .regex(/^[\w.-]+(\/[\w.-]+)+$/, {
        error: 'expected the repository as "owner/name", e.g. "harborlight/clinic-site"',
      })
      .meta({
        description:
          'The repository holding site.yaml, locations/ and conditions/, as "owner/name" (GitLab: "group/project").',
        examples: ["harborlight/clinic-site"],
      }),
    branch: z
      .string()
      .regex(/^[\w./-]+$/, { error: 'expected a branch name such as "main"' })
      .optional()
      .meta({
        description: "The branch editors commit to (default: the repository's default branch).",
        examples: ["main"],
      }),
    authUrl: urlField.optional().meta({
      description:
        "Origin of the OAuth client that signs editors in, e.g. a Sveltia CMS Authenticator worker (default: Netlify's).",
      examples: ["https://cms-auth.harborlight.example"],
    }),
  })
  .strict()
  .meta({
    description: "The Git host editors sign in to on the deployed /admin/. Local editing needs none.",
  });

/** site.yaml `cms`: the browser editor at /admin/. */
export const cmsSettingsSchema = z
  .object({
    production: z.boolean().default(false).meta({
      description: "Also publish /admin/ in production builds. Staging builds and npm start always have it.",
    }),
    backend: cmsBackend.optional(),
  })
  .strict()
  .meta({
    description: "The browser editor (Sveltia CMS) at /admin/.",
    examples: [
      { production: true, backend: { name: "github", repo: "harborlight/clinic-site", branch: "main" } },
    ],
  });

/** IndexNow keys: 8 to 128 letters, digits and dashes (the protocol's rule). */
export const indexNowKeyPattern = /^[a-zA-Z0-9-]{8,128}$/;

/** site.yaml `indexNow`: telling Bing, Yandex and other IndexNow engines what changed. */
export const indexNowSettingsSchema = z
  .object({
    key: z
      .string({ error: "expected the IndexNow key as text" })
      .regex(indexNowKeyPattern, { error: "expected 8 to 128 letters, digits or dashes, e.g. a UUID" })
      .meta({
        description:
          "Your IndexNow key (8–128 letters, digits and dashes). CLINIC_PAGES_INDEXNOW_KEY overrides it.",
        examples: ["3f9c2a7e-5b1d-4e8a-9c0f-6d2b7a4e1c35"],
      }),
  })
  .strict()
  .meta({
    description:
      "IndexNow: npm run indexnow submits added and changed pages; the build writes the key file at the site root.",
  });

export type CmsSettings = z.infer<typeof cmsSettingsSchema>;
