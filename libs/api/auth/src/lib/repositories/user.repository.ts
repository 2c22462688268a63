import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { User } from '../schemas/user.schema';
import { UserRole } from '@cadence/api-core';

export interface NewUser {
  email: string;
  passwordHash: string;
  name: string;
  role: UserRole;
}

/** Users are the tenants themselves, so these lookups are by identity rather than by tenant. */
@Injectable()
export class UserRepository {
  constructor(@InjectModel(User.name) private readonly users: Model<User>) {}

  /** Throws MongoServerError 11000 when the email is taken (the unique index decides, not a read). */
  async create(user: NewUser): Promise<User> {
    const created = await this.users.create(user);
    return created.toObject();
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOne({ email }).lean<User>().exec();
  }

  findById(id: string): Promise<User | null> {
    return this.users.findById(new Types.ObjectId(id)).lean<User>().exec();
  }

  updateProfile(id: string, changes: { name: string }): Promise<User | null> {
    return this.users.findByIdAndUpdate(new Types.ObjectId(id), { $set: changes }, { returnDocument: 'after' }).lean<User>().exec();
  }
}
