import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { today } from "../rules/dates.ts";
import { planImport } from "../marketer/import.ts";
import { readClinics } from "../marketer/site-clinics.ts";
import { DataError } from "../problems.ts";
import { fail, isEntryPoint, runCli } from "./run.ts";

const usage = `Usage: npm run import -- cities.csv [--dry-run] [--root DIR]

Turns a spreadsheet export of cities (CSV, comma or semicolon, UTF-8 with or without BOM) into
location files. Columns: name, region (required); lat, lng (looked up when missing); clinic
(nearest when missing); neighborhoods, landmarks (separate items with |); directions; updated;
slug. Nothing is written if any row has a problem.`;

/** The command's body; tests call it in-process with their own arguments. */
export async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { "dry-run": { type: "boolean" }, root: { type: "string", default: "." }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length !== 1) return fail(usage);
  const csvPath = resolve(positionals[0]!);
  if (!existsSync(csvPath)) return fail(`${positionals[0]} does not exist.`);
  const root = resolve(values.root!);
  const plan = planImport(readFileSync(csvPath, "utf8"), basename(csvPath), root, readClinics(root), today());
  if (plan.problems.length > 0) throw new DataError(plan.problems, "no file was written");
  for (const { file } of plan.creates) console.log(`create ${file}`);
  for (const { file } of plan.updates) console.log(`update ${file}`);
  for (const file of plan.unchanged) console.log(`unchanged ${file}`);
  const summary = `${plan.creates.length} to create, ${plan.updates.length} to update, ${plan.unchanged.length} unchanged`;
  if (values["dry-run"]) {
    console.log(`Dry run: ${summary}; nothing was written.`);
    return 0;
  }
  for (const { file, text } of [...plan.creates, ...plan.updates]) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  console.log(`Imported: ${summary}.`);
  return 0;
}

if (isEntryPoint(import.meta.url)) runCli(main);
