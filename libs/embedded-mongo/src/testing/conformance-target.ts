import { randomBytes } from 'node:crypto';
import { MongoClient, type Db, type Document, type MongoClientOptions, type ObjectId } from 'mongodb';
import { startEmbeddedMongo, type EmbeddedMongo } from '../index';

/**
 * The server a conformance spec runs against: a real MongoDB when MONGODB_URI is set, otherwise a fresh
 * embedded server. Specs assert MongoDB's behaviour, so the same assertions hold for both. Each spec file
 * gets its own database, dropped on close.
 */
/** A document shape loose enough for specs that use numbers, strings and ObjectIds as `_id`. */
export interface TestDoc extends Document {
  _id?: number | string | ObjectId;
}

export interface ConformanceTarget {
  uri: string;
  client: MongoClient;
  db: Db;
  dbName: string;
  /** Set only when running against the embedded server. */
  embedded?: EmbeddedMongo;
  close(): Promise<void>;
}

export async function openTarget(prefix: string, clientOptions: MongoClientOptions = {}): Promise<ConformanceTarget> {
  const external = process.env['MONGODB_URI'];
  const embedded = external ? undefined : await startEmbeddedMongo();
  const uri = external ?? (embedded as EmbeddedMongo).uri;
  const client = await MongoClient.connect(uri, clientOptions);
  const dbName = `${prefix}_${randomBytes(4).toString('hex')}`;
  const db = client.db(dbName);
  return {
    uri,
    client,
    db,
    dbName,
    embedded,
    close: async () => {
      await db.dropDatabase();
      await client.close();
      await embedded?.stop();
    },
  };
}
