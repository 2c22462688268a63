/** Segments are large so millions of small documents share a few allocations instead of one each. */
const SEGMENT_SIZE = 16 * 1024 * 1024;
/** Space left behind by replaced and deleted documents is reclaimed once it is both this large and most. */
const COMPACT_AFTER_WASTED_BYTES = 64 * 1024 * 1024;

/**
 * The documents of one collection: BSON bytes appended into large segments, located by the hash text of
 * their `_id`, iterated in insertion order (a replacement keeps its place, as in MongoDB's natural order).
 * Storing one Buffer per document cost several times the data itself (a JS object per document, and
 * Node's 8 KB pool slabs pinned by any survivor); here the overhead is one Map entry per document.
 * Bytes are never overwritten, so a view handed out earlier (say, to an open cursor) stays valid.
 */
export class DocumentArena {
  private segments: Buffer[] = [];
  private tail = 0;
  private readonly locations = new Map<string, number>();
  private liveBytes = 0;
  private wastedBytes = 0;

  get size(): number {
    return this.locations.size;
  }

  get bytes(): number {
    return this.liveBytes;
  }

  has(idKey: string): boolean {
    return this.locations.has(idKey);
  }

  get(idKey: string): Buffer | undefined {
    const location = this.locations.get(idKey);
    return location === undefined ? undefined : this.read(location);
  }

  set(idKey: string, raw: Buffer): void {
    this.forget(idKey);
    this.locations.set(idKey, this.append(raw));
    this.liveBytes += raw.length;
    this.compactIfWasteful();
  }

  delete(idKey: string): boolean {
    const existed = this.forget(idKey);
    this.locations.delete(idKey);
    this.compactIfWasteful();
    return existed;
  }

  *keys(): Generator<string> {
    yield* this.locations.keys();
  }

  *values(): Generator<Buffer> {
    for (const location of this.locations.values()) yield this.read(location);
  }

  *[Symbol.iterator](): Generator<[string, Buffer]> {
    for (const [idKey, location] of this.locations) yield [idKey, this.read(location)];
  }

  private forget(idKey: string): boolean {
    const location = this.locations.get(idKey);
    if (location === undefined) return false;
    const length = this.read(location).length;
    this.liveBytes -= length;
    this.wastedBytes += length;
    return true;
  }

  /** A location is segment index × SEGMENT_SIZE + offset: one number, a small integer for the first GiB. */
  private append(raw: Buffer): number {
    let segment = this.segments[this.segments.length - 1];
    if (!segment || this.tail + raw.length > segment.length) {
      segment = Buffer.allocUnsafeSlow(Math.max(SEGMENT_SIZE, raw.length));
      this.segments.push(segment);
      this.tail = 0;
    }
    raw.copy(segment, this.tail);
    const location = (this.segments.length - 1) * SEGMENT_SIZE + this.tail;
    this.tail += raw.length;
    return location;
  }

  private read(location: number): Buffer {
    const segment = this.segments[Math.floor(location / SEGMENT_SIZE)];
    const offset = location % SEGMENT_SIZE;
    return segment.subarray(offset, offset + segment.readInt32LE(offset));
  }

  private compactIfWasteful(): void {
    if (this.wastedBytes < COMPACT_AFTER_WASTED_BYTES || this.wastedBytes < this.liveBytes) return;
    const entries = [...this];
    this.segments = [];
    this.tail = 0;
    this.wastedBytes = 0;
    for (const [idKey, raw] of entries) this.locations.set(idKey, this.append(raw));
  }
}
