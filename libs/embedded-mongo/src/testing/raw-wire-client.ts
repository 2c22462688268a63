import { BSON, type Document } from 'bson';
import { connect, type Socket } from 'node:net';
import { crc32c } from '../lib/wire/crc32c';

/** Builds wire messages by hand and reads replies, for specs that test framing below the driver. */
export function opMsg(requestId: number, body: Document, options: { flags?: number; sequence?: { id: string; docs: Document[] }; checksum?: 'good' | 'bad' } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from([0]), Buffer.from(BSON.serialize(body))];
  if (options.sequence) {
    const docs = options.sequence.docs.map((d) => Buffer.from(BSON.serialize(d)));
    const name = Buffer.from(`${options.sequence.id}\0`);
    const size = Buffer.alloc(4);
    size.writeInt32LE(4 + name.length + docs.reduce((n, d) => n + d.length, 0));
    parts.push(Buffer.from([1]), size, name, ...docs);
  }
  const flags = (options.flags ?? 0) | (options.checksum ? 1 : 0);
  const payload = Buffer.concat(parts);
  const message = Buffer.alloc(20 + payload.length + (options.checksum ? 4 : 0));
  message.writeInt32LE(message.length, 0);
  message.writeInt32LE(requestId, 4);
  message.writeInt32LE(0, 8);
  message.writeInt32LE(2013, 12);
  message.writeUInt32LE(flags, 16);
  payload.copy(message, 20);
  if (options.checksum) {
    const crc = crc32c(message, 0, message.length - 4);
    message.writeUInt32LE(options.checksum === 'good' ? crc : crc ^ 1, message.length - 4);
  }
  return message;
}

export function opQuery(requestId: number, namespace: string, query: Document): Buffer {
  const name = Buffer.from(`${namespace}\0`);
  const doc = Buffer.from(BSON.serialize(query));
  const message = Buffer.alloc(16 + 4 + name.length + 8 + doc.length);
  message.writeInt32LE(message.length, 0);
  message.writeInt32LE(requestId, 4);
  message.writeInt32LE(2004, 12);
  name.copy(message, 20);
  message.writeInt32LE(-1, 20 + name.length + 4);
  doc.copy(message, 20 + name.length + 8);
  return message;
}

export interface WireReply {
  responseTo: number;
  opCode: number;
  body: Document;
}

/** A socket that collects whole replies as they arrive. */
export class RawClient {
  readonly replies: WireReply[] = [];
  closed = false;
  private pending = Buffer.alloc(0);
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.pending = Buffer.concat([this.pending, chunk]);
      while (this.pending.length >= 4 && this.pending.length >= this.pending.readInt32LE(0)) {
        const message = this.pending.subarray(0, this.pending.readInt32LE(0));
        this.pending = this.pending.subarray(message.length);
        const opCode = message.readInt32LE(12);
        const bodyStart = opCode === 1 ? 36 : 21;
        this.replies.push({ responseTo: message.readInt32LE(8), opCode, body: BSON.deserialize(message.subarray(bodyStart)) });
      }
      this.notify();
    });
    socket.on('close', () => {
      this.closed = true;
      this.notify();
    });
    socket.on('error', () => undefined);
  }

  static open(port: number, host = '127.0.0.1'): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host, () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Resolves once `count` replies arrived or the socket closed, or after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 5000): Promise<WireReply[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.replies.length < count && !this.closed && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.replies;
  }

  close(): void {
    this.socket.destroy();
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }
}
