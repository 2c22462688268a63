import type { Document } from 'bson';
import { rawArrayElements } from '../bson/codec';
import { MongoServerError } from '../errors';
import type { Housekeeping } from '../housekeeping';
import type { Catalog } from '../storage/catalog';
import type { CursorRegistry } from './cursor-registry';

export interface ServerState {
  catalog: Catalog;
  cursors: CursorRegistry;
  /** Runs the TTL monitor and the idle-cursor reaper. */
  housekeeping: Housekeeping;
  startedAt: number;
  connections: { current: number; totalCreated: number };
}

export interface CommandRequest {
  /** The command name as the client spelled it (first key of the body). */
  name: string;
  db: string;
  body: Document;
  rawBody: Buffer;
  sequences: Map<string, Buffer[]>;
  connectionId: number;
  remoteAddress: string;
}

/** A reply document, or one already encoded (cursor replies embed stored bytes). */
export type CommandResult = Document | Buffer;

export type CommandHandler = (request: CommandRequest, state: ServerState) => CommandResult;

/** Documents of a write command, raw: from a kind-1 sequence or from the body's array, never re-encoded. */
export function rawDocuments(request: CommandRequest, field: string): Buffer[] {
  return request.sequences.get(field) ?? rawArrayElements(request.rawBody, field) ?? [];
}

/** The collection a command names in its first field. */
export function collectionName(request: CommandRequest): string {
  const name = request.body[request.name];
  if (typeof name !== 'string' || name === '') {
    throw new MongoServerError('InvalidNamespace', `collection name has invalid type ${typeof name}`);
  }
  return name;
}
