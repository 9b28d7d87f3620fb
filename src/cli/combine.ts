import { parseArgs } from "node:util";
import { combine } from "../build/combine.ts";
import { stagingFromEnv } from "../validate/environment.ts";
import { fail, isEntryPoint, runCli } from "./command.ts";

const usage = `Usage: npm run combine -- SHARD_DIR... [--out DIR] [--report DIR] [--root DIR] [--base-url URL] [--staging] [--since FILE]

Joins the folders written by npm run build -- --shard i/n --out SHARD_DIR into one site.`;

/** The command's body; tests call it in-process with their own arguments. */
export async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      report: { type: "string" },
      root: { type: "string", default: "." },
      "base-url": { type: "string" },
      staging: { type: "boolean" },
      since: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length === 0) return fail(usage);
  const result = await combine({
    root: values.root!,
    outDir: values.out,
    reportDir: values.report,
    shards: positionals,
    baseUrl: values["base-url"] ?? process.env.CLINIC_PAGES_BASE_URL,
    staging: values.staging ?? stagingFromEnv(),
    since: values.since,
  });
  const warnings = result.audit.findings.length;
  console.log(
    `Combined ${positionals.length} shards: ${result.pages} pages (${result.indexable} in the sitemap) into ${result.outDir}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}.`,
  );
  return 0;
}

if (isEntryPoint(import.meta.url)) runCli(main);
