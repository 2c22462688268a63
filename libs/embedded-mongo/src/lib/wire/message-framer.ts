import { MAX_MESSAGE_SIZE_BYTES } from './limits';

/** Thrown when a header announces a message the server refuses to buffer. */
export class InvalidMessageLengthError extends Error {
  constructor(readonly length: number) {
    super(`recv(): message length ${length} is invalid. Min 16 Max: ${MAX_MESSAGE_SIZE_BYTES}`);
  }
}

/**
 * Turns a TCP byte stream into whole wire messages. Chunks are kept in a list and joined once a message
 * is complete, so a 48 MB insert arriving in 64 KB pieces is copied once, not once per chunk.
 */
export class MessageFramer {
  private chunks: Buffer[] = [];
  private buffered = 0;

  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const messages: Buffer[] = [];
    for (;;) {
      if (this.buffered < 4) break;
      const head = this.peekHeader();
      const length = head.readInt32LE(0);
      if (length < 16 || length > MAX_MESSAGE_SIZE_BYTES) throw new InvalidMessageLengthError(length);
      if (this.buffered < length) break;
      messages.push(this.take(length));
    }
    return messages;
  }

  private peekHeader(): Buffer {
    if (this.chunks[0].length >= 4) return this.chunks[0];
    this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0];
  }

  private take(length: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
    const message = all.subarray(0, length);
    const rest = all.subarray(length);
    this.chunks = rest.length ? [rest] : [];
    this.buffered = rest.length;
    return message;
  }
}
