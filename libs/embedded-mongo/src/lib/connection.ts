import type { Document } from 'bson';
import type { Socket } from 'node:net';
import { decodeDocument, encodeDocument } from './bson/codec';
import type { CommandRequest, CommandResult, ServerState } from './commands/command-context';
import { runCommand } from './commands/command-dispatcher';
import { MongoServerError } from './errors';
import { InvalidMessageLengthError, MessageFramer } from './wire/message-framer';
import { OP_MSG, OP_QUERY, readHeader } from './wire/op-codes';
import { encodeOpMsg, FLAG_MORE_TO_COME, parseOpMsg } from './wire/op-msg';
import { encodeOpReply, parseOpQuery } from './wire/op-query';

const HANDSHAKE_COMMANDS = new Set(['hello', 'isMaster', 'ismaster']);

let nextResponseId = 1;

/**
 * One client socket: frames messages, answers OP_QUERY handshakes with OP_REPLY and OP_MSG with OP_MSG,
 * and sends nothing back for an OP_MSG flagged moreToCome (an unrequested reply breaks the driver).
 * Messages are handled one after another, synchronously, so replies keep request order.
 */
export class Connection {
  private readonly framer = new MessageFramer();

  constructor(
    private readonly socket: Socket,
    private readonly id: number,
    private readonly state: ServerState,
    private readonly commit: () => void,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => socket.destroy());
  }

  private receive(chunk: Buffer): void {
    let messages: Buffer[];
    try {
      messages = this.framer.push(chunk);
    } catch (error) {
      if (!(error instanceof InvalidMessageLengthError)) throw error;
      // mongod closes the connection on a message it will not read; so do we, after saying why.
      process.stderr.write(`embedded-mongo: connection ${this.id}: ${error.message}; closing it\n`);
      this.socket.destroy();
      return;
    }
    for (const message of messages) {
      if (this.socket.destroyed) return;
      const reply = this.handle(message);
      if (reply) this.socket.write(reply);
    }
  }

  private handle(message: Buffer): Buffer | undefined {
    const header = readHeader(message);
    try {
      if (header.opCode === OP_MSG) return this.handleOpMsg(message, header.requestId);
      if (header.opCode === OP_QUERY) return this.handleOpQuery(message, header.requestId);
      throw new Error(`unsupported opCode ${header.opCode}`);
    } catch (error) {
      process.stderr.write(`embedded-mongo: connection ${this.id}: ${String(error)}; closing it\n`);
      this.socket.destroy();
      return undefined;
    }
  }

  private handleOpMsg(message: Buffer, requestId: number): Buffer | undefined {
    const { flags, body: rawBody, sequences } = parseOpMsg(message);
    const reply = this.execute(rawBody, sequences, undefined);
    if (flags & FLAG_MORE_TO_COME) return undefined;
    return encodeOpMsg(nextResponseId++, requestId, toBytes(reply));
  }

  private handleOpQuery(message: Buffer, requestId: number): Buffer {
    const { fullCollectionName, query } = parseOpQuery(message);
    const db = fullCollectionName.slice(0, fullCollectionName.indexOf('.'));
    const reply = fullCollectionName.endsWith('.$cmd')
      ? this.execute(query, new Map(), db)
      : new MongoServerError('UnsupportedOpQueryCommand', `Unsupported OP_QUERY on ${fullCollectionName}. The client driver may require an upgrade.`).toReply();
    return encodeOpReply(nextResponseId++, requestId, toBytes(reply));
  }

  /** `legacyDb` is set for OP_QUERY, which names the database in the namespace and allows only the handshake. */
  private execute(rawBody: Buffer, sequences: Map<string, Buffer[]>, legacyDb: string | undefined): CommandResult {
    let body: Document;
    try {
      body = decodeDocument(rawBody);
    } catch (error) {
      return new MongoServerError('BadValue', `invalid BSON in command: ${String(error)}`).toReply();
    }
    if (legacyDb !== undefined && typeof body['$query'] === 'object' && body['$query'] !== null) body = body['$query'] as Document;
    const name = Object.keys(body)[0] ?? '';
    if (legacyDb !== undefined && !HANDSHAKE_COMMANDS.has(name)) {
      return new MongoServerError('UnsupportedOpQueryCommand', `Unsupported OP_QUERY command: ${name}. The client driver may require an upgrade.`).toReply();
    }
    const db = legacyDb ?? body['$db'];
    if (typeof db !== 'string' || db === '') {
      return new MongoServerError('BadValue', 'OP_MSG requests require a $db argument').toReply();
    }
    const request: CommandRequest = {
      name,
      db,
      body,
      rawBody,
      sequences,
      connectionId: this.id,
      remoteAddress: `${this.socket.remoteAddress}:${this.socket.remotePort}`,
    };
    return runCommand(request, this.state, this.commit);
  }
}

function toBytes(reply: CommandResult): Uint8Array {
  return Buffer.isBuffer(reply) ? reply : encodeDocument(reply as Document);
}
