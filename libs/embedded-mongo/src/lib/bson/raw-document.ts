/**
 * Builds BSON documents out of ready-made parts. Replies embed stored documents byte for byte this way,
 * so a double that happens to be whole (5.0) or a Long is returned exactly as it was written.
 */
export class RawDocumentBuilder {
  private readonly parts: Buffer[] = [];
  private size = 5;

  element(type: number, name: string, payload: Buffer): this {
    const head = Buffer.allocUnsafe(Buffer.byteLength(name) + 2);
    head[0] = type;
    head.write(name, 1, 'utf8');
    head[head.length - 1] = 0;
    this.parts.push(head, payload);
    this.size += head.length + payload.length;
    return this;
  }

  document(name: string, raw: Buffer): this {
    return this.element(0x03, name, raw);
  }

  array(name: string, rawDocs: Buffer[]): this {
    const items = new RawDocumentBuilder();
    rawDocs.forEach((doc, i) => items.document(String(i), doc));
    return this.element(0x04, name, items.build());
  }

  null(name: string): this {
    return this.element(0x0a, name, Buffer.alloc(0));
  }

  int64(name: string, value: bigint): this {
    const payload = Buffer.allocUnsafe(8);
    payload.writeBigInt64LE(value);
    return this.element(0x12, name, payload);
  }

  double(name: string, value: number): this {
    const payload = Buffer.allocUnsafe(8);
    payload.writeDoubleLE(value);
    return this.element(0x01, name, payload);
  }

  string(name: string, value: string): this {
    const bytes = Buffer.byteLength(value);
    const payload = Buffer.allocUnsafe(bytes + 5);
    payload.writeInt32LE(bytes + 1);
    payload.write(value, 4, 'utf8');
    payload[payload.length - 1] = 0;
    return this.element(0x02, name, payload);
  }

  /** Appends every element of an existing document. */
  elementsOf(raw: Buffer): this {
    const inner = raw.subarray(4, raw.length - 1);
    this.parts.push(inner);
    this.size += inner.length;
    return this;
  }

  build(): Buffer {
    const out = Buffer.allocUnsafe(this.size);
    out.writeInt32LE(this.size, 0);
    let offset = 4;
    for (const part of this.parts) {
      part.copy(out, offset);
      offset += part.length;
    }
    out[offset] = 0;
    return out;
  }
}
