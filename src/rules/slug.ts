// How names become URL slugs and lookup keys, for every stage and command: file names become
// page slugs (validate), typed city names are matched to the city list and become file names
// (new-location, import), and the benchmark names its synthetic places the same way.

/** Lowercase ASCII letters where it can: "São Paulo" → "sao paulo" (accents dropped). */
export function foldAccents(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** `Pompano Beach FL` → `pompano-beach-fl`: accents dropped, anything but a-z and 0-9 becomes a dash. */
export function slugify(text: string): string {
  return foldAccents(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * `locations/Pompano-Beach-FL.md` → `pompano-beach-fl`: the slug a data file gets from its name
 * (`.md` and `.markdown` in any case). May be "" (`東京.md`, `---.md`): validation names that.
 */
export function slugFromPath(path: string): string {
  return slugify(
    path
      .split("/")
      .pop()!
      .replace(/\.(md|markdown)$/i, ""),
  );
}
