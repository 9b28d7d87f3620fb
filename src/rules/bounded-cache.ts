/**
 * A memo of bounded size that keeps what is used often: entries live in a young and an old
 * generation; when the young one is full it becomes the old one, and an old entry read again
 * moves back to the young one. Memory stays within twice `limit` entries, and entries read
 * often (a condition's paragraphs, the words every page uses) survive any number of one-off ones.
 */
export class BoundedCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The cached value for `key`, made by `make` (and kept) when there is none. */
  get(key: K, make: (key: K) => V): V {
    let value = this.young.get(key);
    if (value !== undefined) return value;
    value = this.old.get(key);
    if (value === undefined) value = make(key);
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
    return value;
  }
}
