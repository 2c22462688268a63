import { RawDocumentBuilder } from '../bson/raw-document';

/** `{ cursor: { firstBatch|nextBatch: [...], id, ns }, ok: 1 }`, with the batch embedded byte for byte. */
export function cursorReply(ns: string, id: bigint, batchName: 'firstBatch' | 'nextBatch', batch: Buffer[]): Buffer {
  const cursor = new RawDocumentBuilder().array(batchName, batch).int64('id', id).string('ns', ns).build();
  return new RawDocumentBuilder().document('cursor', cursor).double('ok', 1).build();
}
