/**
 * `locations/Pompano-Beach-FL.md` → `pompano-beach-fl` (accents dropped, anything else becomes a
 * dash; `.md` and `.markdown` in any case). May be "" (`東京.md`, `---.md`): validation names that.
 */
export function slugFromPath(path: string): string {
  const base = path.split("/").pop()!.replace(/\.(md|markdown)$/i, "");
  return base
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
