import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { applyImport, formatDiff, planImport } from "../authoring/import.ts";
import { readClinics } from "../authoring/site-clinics.ts";
import { formatProblems } from "../problems.ts";
import { recoverSwap } from "../publish/index.ts";
import { today } from "../rules/dates.ts";
import { fail, isEntryPoint, runCli } from "./command.ts";

const usage = `Usage: npm run import -- cities.csv [--dry-run] [--root DIR]

Turns a spreadsheet export of cities into location files: CSV (comma or semicolon) or
tab-separated text, UTF-8 with or without BOM, UTF-16 ("Unicode text") or Windows-1252.
Columns: name, region (required); country; lat, lng (looked up when missing); clinic (nearest
when missing); neighborhoods, landmarks (separate items with |); directions; updated; slug.
Existing files change only in the columns the sheet has. Nothing is written if any row has a problem.`;

function notWritten(text: string): string {
  return text.replace("nothing was built and output/ is unchanged", "no file was written");
}

/** The command's body; tests call it in-process with their own arguments. */
export async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean" },
      root: { type: "string", default: "." },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length !== 1) return fail(usage);
  const root = resolve(values.root!);
  recoverSwap(resolve(root, "output"));
  const csvPath = resolve(positionals[0]!);
  if (!existsSync(csvPath) || !statSync(csvPath).isFile())
    return fail(`${positionals[0]} does not exist or is not a file.`);
  const site = readClinics(root);
  if (site.problems.length > 0) {
    console.error(notWritten(formatProblems(site.problems)));
    return fail("Fix site.yaml first: the import needs its clinics.");
  }
  const plan = planImport(readFileSync(csvPath), basename(csvPath), root, site.clinics, today());
  for (const note of plan.notes) console.log(`note: ${note}`);
  if (plan.problems.length > 0) return fail(notWritten(formatProblems(plan.problems)));
  for (const { file } of plan.creates) console.log(`create ${file}`);
  for (const { file, diff } of plan.updates) console.log([`update ${file}`, ...formatDiff(diff)].join("\n"));
  for (const file of plan.unchanged) console.log(`unchanged ${file}`);
  const summary = `${plan.creates.length} to create, ${plan.updates.length} to update, ${plan.unchanged.length} unchanged`;
  if (values["dry-run"]) {
    console.log(`Dry run: ${summary}; nothing was written.`);
    return 0;
  }
  applyImport(plan, root);
  console.log(`Imported: ${summary}.`);
  return 0;
}

if (isEntryPoint(import.meta.url)) runCli(main);
