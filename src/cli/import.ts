import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { today } from "../build.ts";
import { planImport } from "../marketer/import.ts";
import { readClinics } from "../marketer/site-clinics.ts";
import { formatProblems } from "../problems.ts";

const usage = `Usage: npm run import -- cities.csv [--dry-run] [--root DIR]

Turns a spreadsheet export of cities (CSV, comma or semicolon, UTF-8 with or without BOM) into
location files. Columns: name, region (required); lat, lng (looked up when missing); clinic
(nearest when missing); neighborhoods, landmarks (separate items with |); directions; updated;
slug. Nothing is written if any row has a problem.`;

function main(): number {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { "dry-run": { type: "boolean" }, root: { type: "string", default: "." }, help: { type: "boolean", short: "h" } } });
  if (values.help) return console.log(usage), 0;
  if (positionals.length !== 1) return console.error(usage), 1;
  const csvPath = resolve(positionals[0]!);
  if (!existsSync(csvPath)) return console.error(`${positionals[0]} does not exist.`), 1;
  const root = resolve(values.root!);
  const plan = planImport(readFileSync(csvPath, "utf8"), basename(csvPath), root, readClinics(root), today());
  if (plan.problems.length > 0) {
    console.error(formatProblems(plan.problems).replace("nothing was built and output/ is unchanged", "no file was written"));
    return 1;
  }
  for (const { file } of plan.creates) console.log(`create ${file}`);
  for (const { file } of plan.updates) console.log(`update ${file}`);
  for (const file of plan.unchanged) console.log(`unchanged ${file}`);
  const summary = `${plan.creates.length} to create, ${plan.updates.length} to update, ${plan.unchanged.length} unchanged`;
  if (values["dry-run"]) return console.log(`Dry run: ${summary}; nothing was written.`), 0;
  for (const { file, text } of [...plan.creates, ...plan.updates]) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  console.log(`Imported: ${summary}.`);
  return 0;
}

process.exit(main());
