import { parseArgs } from "node:util";
import { formatFinding } from "../audit/index.ts";
import { AuditError, build } from "../build.ts";
import { DataError, formatProblem } from "../problems.ts";

const usage = `Usage: npm run build -- [--root DIR] [--out DIR]

  --root DIR   project folder with site.yaml, locations/ and conditions/ (default: .)
  --out DIR    where to write the site (default: <root>/output)`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { root: { type: "string", default: "." }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const started = performance.now();
  const result = await build({ root: values.root!, outDir: values.out });
  for (const warning of result.warnings) console.warn(`warning: ${formatProblem(warning)}`);
  for (const finding of result.audit.findings) console.warn(`warning: ${formatFinding(finding)}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const count = result.warnings.length + result.audit.findings.length;
  const warnings = count === 1 ? "1 warning" : `${count} warnings`;
  console.log(`Built ${result.pages} pages (${result.indexable} in the sitemap) into ${result.outDir} in ${seconds} s, ${warnings}.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DataError || error instanceof AuditError) {
      console.error(error.message);
      process.exit(1);
    }
    console.error("clinic-pages hit an internal error (a bug, not a problem in your data):");
    console.error(error);
    process.exit(1);
  },
);
