import type { Document } from 'bson';
import { MongoServerError, toServerError } from '../errors';
import { COLLECTION_COMMANDS } from './collection.commands';
import type { CommandHandler, CommandRequest, CommandResult, ServerState } from './command-context';
import { findAndModify } from './find-and-modify.command';
import { HANDSHAKE_COMMANDS } from './handshake.commands';
import { INDEX_COMMANDS } from './index.commands';
import { READ_COMMANDS } from './read.commands';
import { WRITE_COMMANDS } from './write.commands';

const COMMANDS: Record<string, CommandHandler> = {
  ...HANDSHAKE_COMMANDS,
  ...WRITE_COMMANDS,
  findAndModify,
  findandmodify: findAndModify,
  ...READ_COMMANDS,
  ...COLLECTION_COMMANDS,
  ...INDEX_COMMANDS,
};

/**
 * Runs one command and turns any failure into MongoDB's error reply. The journal is committed after
 * every command, failed ones included (an ordered insert that fails on its fifth document has still
 * written four), and before the reply leaves: a journal failure turns the reply into an error.
 */
export function runCommand(request: CommandRequest, state: ServerState, commit: () => void): CommandResult {
  let reply: CommandResult;
  try {
    reply = dispatch(request, state);
  } catch (error) {
    reply = errorReply(error, request);
  }
  try {
    commit();
  } catch (error) {
    process.stderr.write(`embedded-mongo: journal write failed: ${String(error)}\n`);
    reply = new MongoServerError('InternalError', `journal write failed: ${String(error)}`).toReply();
  }
  return reply;
}

function dispatch(request: CommandRequest, state: ServerState): CommandResult {
  const { body } = request;
  if (body['txnNumber'] !== undefined || body['startTransaction'] !== undefined || body['autocommit'] !== undefined) {
    throw new MongoServerError('IllegalOperation', 'Transaction numbers are only allowed on a replica set member or mongos');
  }
  if (!Object.prototype.hasOwnProperty.call(COMMANDS, request.name)) {
    throw new MongoServerError('CommandNotFound', `no such command: '${request.name}'`);
  }
  return COMMANDS[request.name](request, state);
}

function errorReply(error: unknown, request: CommandRequest): Document {
  const serverError = toServerError(error);
  if (serverError.codeName === 'InternalError') {
    process.stderr.write(`embedded-mongo: ${request.name} failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  return serverError.toReply();
}
