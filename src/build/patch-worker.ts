// Worker thread that rewrites thin pages with noindex: a small module, quick to start.
import { outputFile, patchNoindexFile } from "../publish/page-file.ts";
import { serveTasks } from "./workers.ts";

serveTasks<undefined, { target: string; urls: string[] }, string[]>(
  () => {},
  ({ target, urls }) => urls.map((url) => patchNoindexFile(outputFile(target, url))),
);
