import { Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo, Types } from 'mongoose';

const BUCKET = 'importFiles';

/**
 * Uploaded files live in MongoDB GridFS, so the worker that imports a file need not run on the
 * machine that received it (docker-compose runs api and worker in separate containers).
 */
@Injectable()
export class ImportFileRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private bucket(): mongo.GridFSBucket {
    const db = this.connection.db;
    if (!db) throw new Error('MongoDB connection is not open');
    return new mongo.GridFSBucket(db, { bucketName: BUCKET });
  }

  async save(tenant: Tenant, fileName: string, content: Buffer): Promise<Types.ObjectId> {
    const id = new Types.ObjectId();
    await new Promise<void>((resolve, reject) => {
      const upload = this.bucket().openUploadStreamWithId(id, fileName, { metadata: { userId: new Types.ObjectId(tenant.userId) } });
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(content);
    });
    return id;
  }

  async read(id: Types.ObjectId): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.bucket().openDownloadStream(id)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async delete(id: Types.ObjectId): Promise<void> {
    try {
      await this.bucket().delete(id);
    } catch (error) {
      // Deleting twice (a resumed run finishing again) is fine: the file is gone either way.
      if (!(error instanceof mongo.MongoRuntimeError) && !/not found/i.test((error as Error).message)) throw error;
    }
  }
}
