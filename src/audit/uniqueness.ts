/**
 * The text primitives of the uniqueness gate: word hashes, shingle sets, set operations on
 * sorted hash sets, one-permutation MinHash signatures (128 bins) and LSH band keys (32 bands
 * of 4 bins). The gate itself (which pages are compared, and the verdict) is in
 * uniqueness-gate.ts; what a page contributes besides its wording is in uniqueness-text.ts.
 */

export const shingleSize = 5;
const bins = 128;
const bands = 32;
const rows = bins / bands;

/** FNV-1a over a string, then a final mix so nearby strings spread over all 32 bits. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return finish(h);
}

/** Lowercased words (letters and digits, apostrophes kept inside words). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
}

const maskedWord = 0x6d61736b;

const letterOrDigit = /[\p{L}\p{N}]/u;

function isWordChar(code: number, text: string, i: number): boolean {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return letterOrDigit.test(text[i]!);
}

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (Math.imul(h, 0xc2b2ae35) ^ (h >>> 16)) >>> 0;
}

/**
 * The hash of every word of a text, in order (what the audit keeps of a page's main text).
 * Same words and hashes as `words` + `hash32`, computed in one scan without building strings.
 */
export function wordHashes(text: string): Uint32Array {
  const lower = text.toLowerCase();
  const out: number[] = [];
  let h = 0;
  let inWord = false;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (isWordChar(code, lower, i)) {
      if (!inWord) {
        h = 0x811c9dc5;
        inWord = true;
      }
      h = Math.imul(h ^ code, 0x01000193);
    } else if (
      inWord &&
      (code === 39 || code === 0x2019) &&
      i + 1 < lower.length &&
      isWordChar(lower.charCodeAt(i + 1), lower, i + 1)
    ) {
      h = Math.imul(h ^ code, 0x01000193);
    } else if (inWord) {
      out.push(finish(h));
      inWord = false;
    }
  }
  if (inWord) out.push(finish(h));
  return Uint32Array.from(out);
}

/** Hash of one (lowercased) word, as used in `wordHashes`. */
export const hashWord = hash32;

/**
 * Sorted, de-duplicated hashes of every run of `size` (default five) consecutive words. Words in `mask` (the
 * page's own place name, as word hashes) are replaced by one placeholder first, so two pages
 * that differ only by the place name produce the same shingles.
 */
export function shinglesOf(
  words: Uint32Array,
  mask: ReadonlySet<number> = new Set(),
  size = shingleSize,
): Uint32Array {
  const masked = mask.size === 0 ? words : words.map((w) => (mask.has(w) ? maskedWord : w));
  const count = Math.max(0, masked.length - size + 1);
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x9e3779b9;
    for (let j = 0; j < size; j++) {
      h = Math.imul(h ^ masked[i + j]!, 0x85ebca6b);
      h ^= h >>> 13;
    }
    hashes[i] = (Math.imul(h, 0xc2b2ae35) ^ (h >>> 16)) >>> 0;
  }
  hashes.sort();
  let unique = 0;
  for (let i = 0; i < hashes.length; i++)
    if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[unique++] = hashes[i]!;
  return hashes.slice(0, unique);
}

/** Shingles of a text, masking the words in `mask`. */
export function shingles(text: string, mask: ReadonlySet<string> = new Set()): Uint32Array {
  return shinglesOf(wordHashes(text), new Set([...mask].map(hash32)));
}

/** One-permutation MinHash with rotation densification: empty bins borrow from the next full one. */
export function signature(set: Uint32Array): Uint32Array {
  const sig = new Uint32Array(bins).fill(0xffffffff);
  const filled = new Uint8Array(bins);
  for (const h of set) {
    const mixed = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    const bin = mixed % bins;
    const value = Math.imul(mixed ^ (mixed >>> 12), 0x297a2d39) >>> 0;
    if (value < sig[bin]!) sig[bin] = value;
    filled[bin] = 1;
  }
  if (set.length === 0) return sig;
  for (let b = 0; b < bins; b++) {
    if (filled[b]) continue;
    let next = (b + 1) % bins;
    while (!filled[next]) next = (next + 1) % bins;
    sig[b] = (sig[next]! + Math.imul(b + 1, 0x9e3779b1)) >>> 0;
  }
  return sig;
}

/** Share of `a`'s shingles that also occur in `b` (both sorted). */
export function containment(a: Uint32Array, b: Uint32Array): number {
  return a.length === 0 ? 0 : sharedCount(a, b) / a.length;
}

/** Number of values two sorted, de-duplicated sets have in common. */
export function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

/** Jaccard similarity |a ∩ b| / |a ∪ b| of two sorted sets (0 when both are empty). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  const shared = sharedCount(a, b);
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

/** The values of sorted set `a` that are also in sorted set `b`. */
export function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out[n++] = a[i]!;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return out.slice(0, n);
}

/** The values of sorted set `a` that are not in sorted set `b`. */
export function subtract(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (b.length === 0) return a;
  const out = new Uint32Array(a.length);
  let j = 0;
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    while (j < b.length && b[j]! < a[i]!) j++;
    if (j >= b.length || b[j] !== a[i]) out[n++] = a[i]!;
  }
  return out.slice(0, n);
}

/** Share of MinHash bins two signatures agree on: an estimate of the sets' Jaccard similarity. */
export function agreement(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < bins; k++) if (a[k] === b[k]) same++;
  return same / bins;
}

/** Number of LSH bands in a signature. */
export const bandCount = bands;

/** One number per band of a signature; a rare collision only adds a candidate, checked exactly later. */
export function bandKey(sig: Uint32Array, band: number): number {
  let h = Math.imul(band + 1, 0x9e3779b1);
  for (let r = band * rows; r < band * rows + rows; r++) h = Math.imul(h ^ sig[r]!, 0x01000193) ^ (h >>> 15);
  return h >>> 0;
}

/**
 * Hands `visit` up to `limit` bucket members other than `page`, closest to it in page order first (siblings
 * are planned next to each other). Buckets are in ascending page order, so this is a binary
 * search and a walk outwards, whatever the bucket's size.
 */
export function eachNearest(
  bucket: number[],
  page: number,
  limit: number,
  visit: (other: number) => void,
): void {
  let lo = 0;
  let hi = bucket.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bucket[mid]! < page) lo = mid + 1;
    else hi = mid;
  }
  let left = lo - 1;
  let right = bucket[lo] === page ? lo + 1 : lo;
  for (let taken = 0; taken < limit && (left >= 0 || right < bucket.length); taken++) {
    const takeLeft = right >= bucket.length || (left >= 0 && page - bucket[left]! <= bucket[right]! - page);
    visit(takeLeft ? bucket[left--]! : bucket[right++]!);
  }
}

/**
 * The words of each page's h1 that vary between pages of its kind (the place, the condition):
 * those appearing in fewer than half of the kind's headings. Masking them measures what is
 * unique beyond the name swapped into a template.
 */
export function headingMasks(headings: string[]): Array<Set<string>> {
  const perPage = headings.map((h) => new Set(words(h)));
  const counts = new Map<string, number>();
  for (const set of perPage) for (const w of set) counts.set(w, (counts.get(w) ?? 0) + 1);
  return perPage.map((set) => new Set([...set].filter((w) => counts.get(w)! < headings.length / 2)));
}
