import { Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, Types } from 'mongoose';

/**
 * The agent's own login email, the default destination of an email strategy's test. Read from the
 * auth module's `users` collection by id only, without its schema (the auth library is not a dependency).
 */
@Injectable()
export class AgentAddressRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async loginEmail(tenant: Tenant): Promise<string | null> {
    const user = await this.connection.collection<{ _id: Types.ObjectId; email?: string }>('users').findOne({ _id: new Types.ObjectId(tenant.userId) }, { projection: { email: 1 } });
    return user?.email ?? null;
  }
}
