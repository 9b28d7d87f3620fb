import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { packagePath } from "../rules/package-paths.ts";
import { deriveVocabulary, readRelease, release, releaseFile } from "../vocabulary/derive.ts";
import { runCli } from "./command.ts";

/** npm run vocab -- [path to schemaorg-current-https.jsonld, plain or .gz] */
async function main(args: string[]): Promise<number> {
  const source = resolve(args[0] ?? packagePath(releaseFile));
  const vocab = deriveVocabulary(readRelease(source), release);
  const target = packagePath("src/vocabulary/schemaorg.json");
  writeFileSync(target, `${JSON.stringify(vocab)}\n`);
  console.log(
    `Wrote ${Object.keys(vocab.types).length} types, ${Object.keys(vocab.properties).length} properties and ${Object.keys(vocab.members).length} enumeration members to ${target}`,
  );
  return 0;
}

runCli(main);
