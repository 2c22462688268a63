import { Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { ContactEvent } from '../schemas/contact-event.schema';

export type NewContactEvent = Omit<ContactEvent, '_id' | 'userId' | 'createdAt'>;

@Injectable()
export class ContactEventRepository {
  constructor(@InjectModel(ContactEvent.name) private readonly events: Model<ContactEvent>) {}

  /**
   * Appends events; one whose idempotency key is already stored is dropped, not an error. Plain
   * unordered inserts (the unique key refuses the repeats) cost far less than one upsert per event.
   */
  async append(tenant: Tenant, events: NewContactEvent[]): Promise<void> {
    if (events.length === 0) return;
    const owner = tenantFilter(tenant);
    const now = new Date();
    try {
      await this.events.insertMany(
        events.map((e) => ({ _id: new Types.ObjectId(), ...e, ...owner, data: e.data ?? {}, createdAt: now })),
        { ordered: false, lean: true },
      );
    } catch (error) {
      const writeErrors = (error as { writeErrors?: Array<{ code?: number; err?: { code?: number } }> }).writeErrors;
      if (!Array.isArray(writeErrors) || writeErrors.some((e) => (e.code ?? e.err?.code) !== 11000)) throw error;
    }
  }

  async findPageForContact(tenant: Tenant, contactId: Types.ObjectId, skip: number, limit: number): Promise<{ items: ContactEvent[]; total: number }> {
    const filter = { contactId, ...tenantFilter(tenant) };
    const [items, total] = await Promise.all([
      this.events.find(filter).sort({ occurredAt: -1, _id: -1 }).skip(skip).limit(limit).lean<ContactEvent[]>().exec(),
      this.events.countDocuments(filter).exec(),
    ]);
    return { items, total };
  }

  async deleteForContacts(tenant: Tenant, contactIds: Types.ObjectId[]): Promise<void> {
    await this.events.deleteMany({ contactId: { $in: contactIds }, ...tenantFilter(tenant) }).exec();
  }
}
