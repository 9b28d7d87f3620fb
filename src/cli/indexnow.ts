import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { readManifest } from "../build/build.ts";
import { indexNowKey, keyFileName, keyVariable } from "../indexnow/key.ts";
import { defaultEndpoint, indexNowRequests, IndexNowError, submitAll } from "../indexnow/submit.ts";
import { loadProject } from "../load/index.ts";
import { DataError, formatProblem } from "../problems.ts";
import { updatedUrls } from "../publish/manifest.ts";
import { manifestFile, reportDirFor } from "../publish/report-location.ts";
import { validateProject } from "../validate/index.ts";
import { isEntryPoint, runCli } from "./command.ts";

const usage = `Usage: npm run indexnow -- --since PREVIOUS_MANIFEST [options]

Tells IndexNow search engines (Bing, Yandex, Naver, Seznam, Yep) about the pages added or changed
since a previous build, in requests of at most 10,000 URLs. Run it after the site is deployed:
the engines fetch the key file from the live site.

  --since FILE       the manifest.json of the build that is live before this one (required)
  --manifest FILE    this build's manifest (default: report/manifest.json beside --out)
  --out DIR          the built site (default: <root>/output)
  --root DIR         project folder with site.yaml (default: .)
  --endpoint URL     IndexNow endpoint (default: ${defaultEndpoint})
  --dry-run          print the requests instead of sending them

The key comes from ${keyVariable} or site.yaml indexNow.key. Staging builds are never submitted.`;

/**
 * The command's body; tests call it in-process with their own arguments. Problems with the key or
 * the manifests end the command before anything is sent.
 */
export async function main(args: string[]): Promise<number> {
  try {
    return await submitChanges(args);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    console.error(`${error.problems.map(formatProblem).join("\n")}\n\nNothing was sent to IndexNow.`);
    return 1;
  }
}

async function submitChanges(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      since: { type: "string" },
      manifest: { type: "string" },
      out: { type: "string" },
      root: { type: "string", default: "." },
      endpoint: { type: "string", default: defaultEndpoint },
      "dry-run": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || !values.since) {
    (values.help ? console.log : console.error)(usage);
    return values.help ? 0 : 1;
  }
  const root = resolve(values.root!);
  const manifestPath =
    values.manifest ?? join(reportDirFor(values.out ?? join(root, "output")), manifestFile);
  const manifest = readManifest(manifestPath);
  if (manifest.staging || process.env.CLINIC_PAGES_ENV === "staging") {
    console.log("This is a staging build: nothing is sent to IndexNow.");
    return 0;
  }
  const key = indexNowKey(validateProject(loadProject(root)).site);
  if (!key)
    throw new DataError([
      {
        file: "site.yaml",
        field: "indexNow.key",
        message: "no IndexNow key is set",
        hint: `add indexNow: { key: … } to site.yaml or set ${keyVariable}, then build again`,
      },
    ]);
  const keyHash = createHash("sha256").update(key).digest("hex");
  if (manifest.files[keyFileName(key)] !== keyHash) {
    throw new DataError([
      {
        file: manifestPath,
        field: keyFileName(key),
        message: "this build has no key file for this key, so search engines could not verify it",
        hint: "build with the same key set, deploy, then run npm run indexnow",
      },
    ]);
  }
  const urls = updatedUrls(readManifest(values.since).files, manifest.files, manifest.origin);
  if (urls.length === 0) {
    console.log(`No pages were added or changed since ${values.since}: nothing to submit.`);
    return 0;
  }
  const requests = indexNowRequests(urls, manifest.origin, key, values.endpoint);
  if (values["dry-run"]) {
    for (const request of requests)
      console.log(
        `POST ${request.endpoint}\ncontent-type: application/json; charset=utf-8\n\n${JSON.stringify(request.body, null, 2)}\n`,
      );
    console.log(
      `Dry run: ${urls.length} URLs in ${requests.length} ${requests.length === 1 ? "request" : "requests"}; nothing was sent.`,
    );
    return 0;
  }
  try {
    const result = await submitAll(requests, { log: (line) => console.warn(line) });
    console.log(
      `Submitted ${result.urls} URLs to ${values.endpoint} in ${result.requests} ${result.requests === 1 ? "request" : "requests"} (HTTP ${[...new Set(result.statuses)].join(", ")}).`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof IndexNowError)) throw error;
    console.error(error.message);
    return 1;
  }
}

if (isEntryPoint(import.meta.url)) runCli(main);
